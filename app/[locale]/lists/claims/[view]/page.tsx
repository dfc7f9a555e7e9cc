import { getTranslations } from 'next-intl/server';
import type { Metadata } from 'next';
import { ClaimRow } from '@/app/_components/claim-row';
import { FilterPanel } from '@/app/_components/filter-panel';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { claimListQuerySchema, listClaims } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { feedAlternates } from '@/lib/feeds/alternates';
import { fromListViewKey } from '@/lib/http/list-view';
import { VERDICTS } from '@/lib/shared/vocabulary';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.claimsList');
  return {
    title: t('title'),
    description: t('metaDescription'),
    alternates: { canonical: '/claims', types: feedAlternates('/feed') },
    openGraph: { title: t('ogTitle') },
  };
}

// Each view (a query string of /claims, see lib/http/list-view.ts) is rendered once and cached
// like a claim page; the data-version cache handler renders it afresh after any write.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { view: string }[] {
  return [];
}

type Props = { params: Promise<{ view: string }> };

export default async function ClaimsPage({ params: route }: Props) {
  const t = await getTranslations('lists');
  const p = await getTranslations('pages.claimsList');
  const counts = await getTranslations('pages.counts');
  const verdictNames = await getTranslations('verdicts');
  const { query, ignored } = parsePageParams(claimListQuerySchema, Object.fromEntries(fromListViewKey((await route).view)));
  const db = await getDb();
  const list = await withCursorOrFirstPage(query, ignored, (q) => listClaims(db, q));
  const params = {
    verdict: query.verdict,
    topic: query.topic,
    claimant: query.claimant,
    confidence: query.confidence,
    sort: query.sort === 'title' ? undefined : query.sort,
    order: query.order,
  };

  return (
    <>
      <h1>{t('claims')}</h1>
      <FilterPanel active={Boolean(query.verdict || query.topic || query.claimant || query.confidence)}>
      <form method="get" action="/claims" className="filters" aria-label={p('filterLabel')}>
        <label>
          {p('verdict')}
          <select name="verdict" defaultValue={query.verdict ?? ''}>
            <option value="">{p('any')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {verdictNames(`${v}.label`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {p('topic')}
          <select name="topic" defaultValue={query.topic ?? ''}>
            <option value="">{p('any')}</option>
            {list.facets.topics.map((t) => (
              <option key={t.value} value={t.value}>
                {t.value} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {p('claimant')}
          <select name="claimant" defaultValue={query.claimant ?? ''}>
            <option value="">{p('any')}</option>
            {list.facets.claimants.map((c) => (
              <option key={c.value} value={c.value}>
                {c.value} ({c.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          {p('confidence')}
          <select name="confidence" defaultValue={query.confidence ?? ''}>
            <option value="">{p('any')}</option>
            <option value="high">{p('confidenceHigh')}</option>
            <option value="medium">{p('confidenceMedium')}</option>
            <option value="low">{p('confidenceLow', { lt: '<' })}</option>
            <option value="none">{p('confidenceNone')}</option>
          </select>
        </label>
        <label>
          {p('sortBy')}
          <select name="sort" defaultValue={query.sort}>
            <option value="title">{p('sortTitle')}</option>
            <option value="confidence">{p('sortConfidence')}</option>
            <option value="verdict-date">{p('sortVerdictDate')}</option>
          </select>
        </label>
        <label>
          {p('order')}
          <select name="order" defaultValue={query.order ?? ''}>
            <option value="">{p('orderDefault')}</option>
            <option value="asc">{p('orderAsc')}</option>
            <option value="desc">{p('orderDesc')}</option>
          </select>
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      </FilterPanel>
      {ignored.length ? <p className="meta">{p('ignored', { params: ignored.join(', ') })}</p> : null}
      <CountLine total={list.total} lowerBound={list.totalIsLowerBound} one={counts('claim.one')} many={counts('claim.many')} />
      <ul className="claim-list">
        {list.items.map((c) => (
          <ClaimRow key={c.id} claim={c} />
        ))}
      </ul>
      {list.total === 0 ? <p>{p('none')}</p> : null}
      <Pagination basePath="/claims" params={params} next={list.next} prev={list.prev} />
    </>
  );
}
