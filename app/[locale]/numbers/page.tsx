import type { Metadata } from 'next';
import Link from 'next/link';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { getDb } from '@/lib/db';
import { listNumbers, NUMBER_SORTS, numberListQuerySchema } from '@/lib/numbers/queries';

export const metadata: Metadata = { title: 'Numbers', description: 'Every numeric claim in the ledger against the figures its evidence states.' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<(typeof NUMBER_SORTS)[number], string> = {
  deviation: 'Deviation',
  title: 'Claim',
  measure: 'Measure',
  conflicts: 'Possible contradictions',
};

function deviationText(factor: number | null): string {
  if (factor === null) return '—';
  if (Math.abs(Math.log10(factor)) < 0.005) return 'agrees';
  return factor >= 1 ? `${Number(factor.toPrecision(3))}× above` : `${Number((1 / factor).toPrecision(3))}× below`;
}

/** /numbers: every numeric claim with its deviation from the evidence, sortable, a keyset page at a time. */
export default async function NumbersPage({ searchParams }: Props) {
  const db = await getDb();
  const { query, ignored } = parsePageParams(numberListQuerySchema, await searchParams);
  const page = await withCursorOrFirstPage(query, ignored, (q) => listNumbers(db, q));
  const dir = query.dir ?? (query.sort === 'deviation' || query.sort === 'conflicts' ? 'desc' : 'asc');
  const sortHref = (sort: string) => {
    const flip = sort === query.sort ? (dir === 'asc' ? 'desc' : 'asc') : undefined;
    const search = new URLSearchParams({ sort, ...(flip ? { dir: flip } : {}) });
    return `/numbers?${search.toString()}`;
  };
  return (
    <article>
      <h1>Numbers</h1>
      <p className="meta">
        Each numeric claim against the figures its evidence states for the same measure. Deviation is the typical claimed ÷ evidence factor over
        independent figures (repetitions of the claim are left out). <Link href="/methodology#numbers">How this is computed</Link> · <a href="/api/numbers">JSON</a>
      </p>
      {ignored.length ? <p className="meta">Ignored: {ignored.join(', ')}.</p> : null}
      <CountLine total={page.total} lowerBound={page.totalIsLowerBound} one="numeric claim" many="numeric claims" />
      <div className="table-scroll">
        <table className="numbers-table" data-testid="numbers-list">
          <thead>
            <tr>
              {(['title', 'measure'] as const).map((s) => (
                <th key={s} scope="col" aria-sort={query.sort === s ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <Link href={sortHref(s)}>{SORT_LABELS[s]}</Link>
                </th>
              ))}
              <th scope="col">Claimed</th>
              <th scope="col" aria-sort={query.sort === 'deviation' ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                <Link href={sortHref('deviation')}>{SORT_LABELS.deviation}</Link>
              </th>
              <th scope="col" aria-sort={query.sort === 'conflicts' ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                <Link href={sortHref('conflicts')}>{SORT_LABELS.conflicts}</Link>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((n) => (
              <tr key={n.claimId}>
                <td>
                  <Link href={`/claims/${n.claimId}#numbers`}>{n.title}</Link>
                  <div className="meta">{n.summary}</div>
                </td>
                <td>{n.measureLabel}</td>
                <td>{n.claimed}</td>
                <td>{deviationText(n.deviation)}</td>
                <td>{n.conflictCount || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination basePath="/numbers" params={{ sort: query.sort, dir: query.dir }} next={page.next} prev={page.prev} />
    </article>
  );
}
