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
import { VERDICT_SCALE, VERDICTS } from '@/lib/shared/vocabulary';

export const metadata: Metadata = {
  title: 'All claims',
  description: 'Every claim in the ledger, filterable by verdict, topic, claimant and confidence.',
  alternates: { canonical: '/claims', types: feedAlternates('/feed') },
  openGraph: { title: 'All claims · Claim Ledger' },
};

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
      <form method="get" action="/claims" className="filters" aria-label="Filter claims">
        <label>
          Verdict
          <select name="verdict" defaultValue={query.verdict ?? ''}>
            <option value="">any</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_SCALE[v].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Topic
          <select name="topic" defaultValue={query.topic ?? ''}>
            <option value="">any</option>
            {list.facets.topics.map((t) => (
              <option key={t.value} value={t.value}>
                {t.value} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Claimant
          <select name="claimant" defaultValue={query.claimant ?? ''}>
            <option value="">any</option>
            {list.facets.claimants.map((c) => (
              <option key={c.value} value={c.value}>
                {c.value} ({c.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Confidence
          <select name="confidence" defaultValue={query.confidence ?? ''}>
            <option value="">any</option>
            <option value="high">high (≥ 75%)</option>
            <option value="medium">medium (40–74%)</option>
            <option value="low">low (&lt; 40%)</option>
            <option value="none">no figure</option>
          </select>
        </label>
        <label>
          Sort by
          <select name="sort" defaultValue={query.sort}>
            <option value="title">title</option>
            <option value="confidence">confidence</option>
            <option value="verdict-date">verdict date</option>
          </select>
        </label>
        <label>
          Order
          <select name="order" defaultValue={query.order ?? ''}>
            <option value="">default</option>
            <option value="asc">ascending</option>
            <option value="desc">descending</option>
          </select>
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      </FilterPanel>
      {ignored.length ? <p className="meta">Ignored unknown or invalid parameters: {ignored.join(', ')}.</p> : null}
      <CountLine total={list.total} lowerBound={list.totalIsLowerBound} one="claim" many="claims" />
      <ul className="claim-list">
        {list.items.map((c) => (
          <ClaimRow key={c.id} claim={c} />
        ))}
      </ul>
      {list.total === 0 ? <p>No claim matches these filters.</p> : null}
      <Pagination basePath="/claims" params={params} next={list.next} prev={list.prev} />
    </>
  );
}
