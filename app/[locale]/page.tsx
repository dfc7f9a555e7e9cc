import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ClaimRow } from '@/app/_components/claim-row';
import { HeaderSearch } from '@/app/_components/header-search';
import { ReliabilityBadge } from '@/app/_components/reliability-badge';
import { VerdictBreakdown } from '@/app/_components/source-claims';
import { listClaimsNeedingReview, listRecentVerdicts } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { countByVerdict, readFacetCount } from '@/lib/history/facet-counts';
import { listMostUsedSources } from '@/lib/sources/list-queries';
import { ARTICLE_UNDER_REVIEW_ID, getSourceLink } from '@/lib/sources/source-page';
import { formatDay } from '@/i18n/format';

// Cached like a static page; the data-version cache handler refreshes it after any write.
export const revalidate = false;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return {
    title: { absolute: t('metaTitle') },
    description: t('metaDescription'),
    openGraph: { title: t('brand'), description: t('ogDescription') },
  };
}

/** The home page: what the ledger is, and short, bounded lists (whatever the size of the ledger). */
export default async function HomePage() {
  const t = await getTranslations('home');
  const format = await getFormatter();
  const n = (value: number) => format.number(value);
  const db = await getDb();
  const total = await readFacetCount(db, 'all', '');
  const verdicts = await countByVerdict(db);
  const recent = await listRecentVerdicts(db, 8);
  const review = await listClaimsNeedingReview(db, 5);
  const sources = await listMostUsedSources(db, 6);
  const article = await getSourceLink(db, ARTICLE_UNDER_REVIEW_ID);
  const articleVerdicts = article ? await countByVerdict(db, `source-verdict:${article.id}`) : [];
  const articleClaims = articleVerdicts.reduce((n, v) => n + v.count, 0);

  return (
    <>
      <h1>{t('brand')}</h1>
      <p className="lede">
        {t('lede')}
      </p>
      <HeaderSearch id="home-search" large />

      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">
          {t.rich('total', { count: total, formatted: n(total), link: (chunks) => <Link href="/claims">{chunks}</Link> })}
        </h2>
        <VerdictBreakdown total={total} counts={verdicts} />
      </section>

      {article ? (
        <section aria-labelledby="article-heading">
          <h2 id="article-heading">{t('article')}</h2>
          <div className="article-card">
            <h3 lang="zh-Hant">
              <Link href={`/sources/${article.id}`}><bdi>{article.title}</bdi></Link>
            </h3>
            <p className="meta">
              {article.authors.length ? t('by', { authors: article.authors.join(', ') }) : t('byUnnamed')}
              {article.publisher ? ` · ${article.publisher}` : ''}
              {article.published ? <> · <time dateTime={article.published}>{formatDay(format, article.published)}</time></> : null}
            </p>
            <p>
              <Link href={`/sources/${article.id}/claims`}>{t('articleClaims', { count: articleClaims, formatted: n(articleClaims) })}</Link>{t('colon')}
            </p>
            <VerdictBreakdown total={articleClaims} counts={articleVerdicts} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('recent')}</h2>
        {recent.length ? (
          <ul className="claim-list">
            {recent.map((c) => (
              <ClaimRow key={c.id} claim={c} />
            ))}
          </ul>
        ) : (
          <p>{t('noClaims')}</p>
        )}
        <p>
          <Link href="/claims?sort=verdict-date">{t('everyClaim')}</Link>
        </p>
      </section>

      {review.length ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t('needsReview')}</h2>
          <p className="meta">{t('needsReviewNote')}</p>
          <ul className="claim-list">
            {review.map((c) => (
              <ClaimRow key={c.id} claim={c} />
            ))}
          </ul>
        </section>
      ) : null}

      {sources.length ? (
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">{t('sources')}</h2>
          <ul className="source-list">
            {sources.map((s) => (
              <li key={s.id}>
                <ReliabilityBadge grade={s.reliability} /> <Link href={`/sources/${s.id}`}><bdi>{s.title}</bdi></Link>{' '}
                <span className="meta">
                  {t('sourceCounts', { claims: s.claimCount, claimsFormatted: n(s.claimCount), evidence: s.evidenceCount, evidenceFormatted: n(s.evidenceCount) })}
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/sources">{t('everySource')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
