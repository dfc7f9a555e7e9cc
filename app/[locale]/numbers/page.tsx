import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { getDb } from '@/lib/db';
import { listNumbers, NUMBER_SORTS, numberListQuerySchema } from '@/lib/numbers/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.numbers');
  return { title: t('title'), description: t('metaDescription') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Translate = (key: string, values?: Record<string, string>) => string;

const SORT_KEYS: Record<(typeof NUMBER_SORTS)[number], string> = {
  deviation: 'sort.deviation',
  title: 'sort.title',
  measure: 'sort.measure',
  conflicts: 'sort.conflicts',
};

function deviationText(t: Translate, factor: number | null): string {
  if (factor === null) return '—';
  if (Math.abs(Math.log10(factor)) < 0.005) return t('agrees');
  return factor >= 1 ? t('above', { factor: String(Number(factor.toPrecision(3))) }) : t('below', { factor: String(Number((1 / factor).toPrecision(3))) });
}

/** /numbers: every numeric claim with its deviation from the evidence, sortable, a keyset page at a time. */
export default async function NumbersPage({ searchParams }: Props) {
  const t = await getTranslations('pages.numbers');
  const counts = await getTranslations('pages.counts');
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
      <h1>{t('heading')}</h1>
      <p className="meta">
        {t.rich('intro', {
          how: (chunks: ReactNode) => <Link href="/methodology#numbers">{chunks}</Link>,
          json: (chunks: ReactNode) => <a href="/api/numbers">{chunks}</a>,
        })}
      </p>
      {ignored.length ? <p className="meta">{t('ignored', { params: ignored.join(', ') })}</p> : null}
      <CountLine total={page.total} lowerBound={page.totalIsLowerBound} one={counts('numericClaim.one')} many={counts('numericClaim.many')} />
      <div className="table-scroll">
        <table className="numbers-table" data-testid="numbers-list">
          <thead>
            <tr>
              {(['title', 'measure'] as const).map((s) => (
                <th key={s} scope="col" aria-sort={query.sort === s ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <Link href={sortHref(s)}>{t(SORT_KEYS[s])}</Link>
                </th>
              ))}
              <th scope="col">{t('claimed')}</th>
              <th scope="col" aria-sort={query.sort === 'deviation' ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                <Link href={sortHref('deviation')}>{t(SORT_KEYS.deviation)}</Link>
              </th>
              <th scope="col" aria-sort={query.sort === 'conflicts' ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                <Link href={sortHref('conflicts')}>{t(SORT_KEYS.conflicts)}</Link>
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
                <td>{deviationText(t, n.deviation)}</td>
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
