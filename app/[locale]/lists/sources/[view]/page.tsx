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
import { RELIABILITY_GRADES, SOURCE_TYPES } from '@/lib/shared/vocabulary';
import { listSources, sourceListQuerySchema } from '@/lib/sources/list-queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.sourcesList');
  return {
    title: t('title'),
    description: t('metaDescription'),
    alternates: { canonical: '/sources', types: feedAlternates('/feed') },
    openGraph: { title: t('ogTitle') },
  };
}

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
  const p = await getTranslations('pages.sourcesList');
  const counts = await getTranslations('pages.counts');
  const grades = await getTranslations('grades');
  const typeNames = await getTranslations('pages.sourceTypes');
  const { query, ignored } = parsePageParams(sourceListQuerySchema, Object.fromEntries(fromListViewKey((await route).view)));
  const db = await getDb();
  const list = await withCursorOrFirstPage(query, ignored, (q) => listSources(db, q));
  return (
    <>
      <h1>{t('sources')}</h1>
      <FilterPanel active={Boolean(query.type || query.reliability)}>
      <form method="get" action="/sources" className="filters" aria-label={p('filterLabel')}>
        <label>
          {t('type')}
          <select name="type" defaultValue={query.type ?? ''}>
            <option value="">{p('any')}</option>
            {SOURCE_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeNames(type)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {p('reliability')}
          <select name="reliability" defaultValue={query.reliability ?? ''}>
            <option value="">{p('any')}</option>
            {RELIABILITY_GRADES.map((g) => (
              <option key={g} value={g}>
                {p('gradeOption', { grade: g, label: grades(`${g}.label`) })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {p('sortBy')}
          <select name="sort" defaultValue={query.sort}>
            <option value="use">{p('sortUse')}</option>
            <option value="date">{p('sortDate')}</option>
            <option value="title">{p('sortTitle')}</option>
          </select>
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      </FilterPanel>
      {ignored.length ? <p className="meta">{p('ignored', { params: ignored.join(', ') })}</p> : null}
      <CountLine total={list.total} lowerBound={list.totalIsLowerBound} one={counts('source.one')} many={counts('source.many')} />
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
                <td data-label={t('source')}>
                  <Link href={`/sources/${s.id}`}><bdi>{s.title}</bdi></Link>
                  {s.publisher ? <div className="meta">{s.publisher}</div> : null}
                </td>
                <td data-label={t('type')}>{typeNames.has(s.type) ? typeNames(s.type) : s.type}</td>
                <td data-label={t('published')}>{s.published ?? '—'}</td>
                <td data-label={t('grade')}>
                  <ReliabilityBadge grade={s.reliability} /> <ReadStatus verified={s.verified} />
                </td>
                <td data-label={t('claimsCol')}>{s.claimCount}</td>
                <td data-label={t('evidence')}>{s.evidenceCount}</td>
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
