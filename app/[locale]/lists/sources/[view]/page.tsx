import { getTranslations } from 'next-intl/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterPanel } from '@/app/_components/filter-panel';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { ReadStatus } from '@/app/_components/read-status';
import { ReliabilityBadge } from '@/app/_components/reliability-badge';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { getDb } from '@/lib/db';
import { feedAlternates } from '@/lib/feeds/alternates';
import { fromListViewKey } from '@/lib/http/list-view';
import { RELIABILITY_GRADES, RELIABILITY_SCALE, SOURCE_TYPES } from '@/lib/shared/vocabulary';
import { listSources, sourceListQuerySchema } from '@/lib/sources/list-queries';

export const metadata: Metadata = {
  title: 'Sources',
  description: 'Every source the ledger cites, with its type, publisher, date, reliability grade and how many claims and evidence entries rest on it.',
  alternates: { canonical: '/sources', types: feedAlternates('/feed') },
  openGraph: { title: 'Sources · Claim Ledger' },
};

// Each view (a query string of /sources, see lib/http/list-view.ts) is rendered once and cached
// like a claim page; the data-version cache handler renders it afresh after any write.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { view: string }[] {
  return [];
}

type Props = { params: Promise<{ view: string }> };

export default async function SourcesPage({ params: route }: Props) {
  const t = await getTranslations('lists');
  const { query, ignored } = parsePageParams(sourceListQuerySchema, Object.fromEntries(fromListViewKey((await route).view)));
  const db = await getDb();
  const list = await withCursorOrFirstPage(query, ignored, (q) => listSources(db, q));
  return (
    <>
      <h1>{t('sources')}</h1>
      <FilterPanel active={Boolean(query.type || query.reliability)}>
      <form method="get" action="/sources" className="filters" aria-label="Filter sources">
        <label>
          Type
          <select name="type" defaultValue={query.type ?? ''}>
            <option value="">any</option>
            {SOURCE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reliability
          <select name="reliability" defaultValue={query.reliability ?? ''}>
            <option value="">any</option>
            {RELIABILITY_GRADES.map((g) => (
              <option key={g} value={g}>
                {g}: {RELIABILITY_SCALE[g].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select name="sort" defaultValue={query.sort}>
            <option value="use">most used</option>
            <option value="date">newest</option>
            <option value="title">title</option>
          </select>
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      </FilterPanel>
      {ignored.length ? <p className="meta">Ignored unknown or invalid parameters: {ignored.join(', ')}.</p> : null}
      <CountLine total={list.total} lowerBound={list.totalIsLowerBound} one="source" many="sources" />
      <div className="table-wrap">
        <table className="card-table">
          <thead>
            <tr>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('published')}</th>
              <th scope="col">{t('grade')}</th>
              <th scope="col">{t('claimsCol')}</th>
              <th scope="col">{t('evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((s) => (
              <tr key={s.id}>
                <td data-label="Source">
                  <Link href={`/sources/${s.id}`}><bdi>{s.title}</bdi></Link>
                  {s.publisher ? <div className="meta">{s.publisher}</div> : null}
                </td>
                <td data-label="Type">{s.type}</td>
                <td data-label="Published">{s.published ?? '—'}</td>
                <td data-label="Grade">
                  <ReliabilityBadge grade={s.reliability} /> <ReadStatus verified={s.verified} />
                </td>
                <td data-label="Claims">{s.claimCount}</td>
                <td data-label="Evidence">{s.evidenceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        basePath="/sources"
        params={{ type: query.type, reliability: query.reliability, sort: query.sort === 'use' ? undefined : query.sort }}
        next={list.next}
        prev={list.prev}
      />
    </>
  );
}
