import type { Metadata } from 'next';
import Link from 'next/link';
import { ClaimRow } from './_components/claim-row';
import { HeaderSearch } from './_components/header-search';
import { ReliabilityBadge } from './_components/reliability-badge';
import { VerdictBreakdown } from './_components/source-claims';
import { listClaimsNeedingReview, listRecentVerdicts } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { countByVerdict, readFacetCount } from '@/lib/history/facet-counts';
import { listMostUsedSources } from '@/lib/sources/list-queries';
import { ARTICLE_UNDER_REVIEW_ID, getSourceLink } from '@/lib/sources/source-page';

// Cached like a static page; the data-version cache handler refreshes it after any write.
export const revalidate = false;

export const metadata: Metadata = {
  title: { absolute: 'Claim Ledger: claims checked back to their primary sources' },
  description: 'Factual claims traced to their primary sources, with the evidence, a verdict and a confidence figure.',
  openGraph: { title: 'Claim Ledger', description: 'Claims traced back to their primary sources, with evidence and verdicts.' },
};

/** The home page: what the ledger is, and short, bounded lists (whatever the size of the ledger). */
export default async function HomePage() {
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
      <h1>Claim Ledger</h1>
      <p className="lede">
        A ledger of factual claims: each one is traced through everyone who repeated it back to its primary source, weighed against the evidence, and
        given a verdict and a confidence figure you can check line by line.
      </p>
      <HeaderSearch id="home-search" large />

      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">
          <Link href="/claims">{total.toLocaleString('en')} claims</Link> in the ledger
        </h2>
        <VerdictBreakdown total={total} counts={verdicts} />
      </section>

      {article ? (
        <section aria-labelledby="article-heading">
          <h2 id="article-heading">The article under review</h2>
          <div className="article-card">
            <h3 lang="zh-Hant">
              <Link href={`/sources/${article.id}`}><bdi>{article.title}</bdi></Link>
            </h3>
            <p className="meta">
              by {article.authors.length ? article.authors.join(', ') : 'an unnamed author'}
              {article.publisher ? ` · ${article.publisher}` : ''}
              {article.published ? <> · <time dateTime={article.published}>{article.published}</time></> : null}
            </p>
            <p>
              <Link href={`/sources/${article.id}/claims`}>{articleClaims.toLocaleString('en')} claims made or repeated in it</Link>:
            </p>
            <VerdictBreakdown total={articleClaims} counts={articleVerdicts} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent verdicts</h2>
        {recent.length ? (
          <ul className="claim-list">
            {recent.map((c) => (
              <ClaimRow key={c.id} claim={c} />
            ))}
          </ul>
        ) : (
          <p>No claims yet.</p>
        )}
        <p>
          <Link href="/claims?sort=verdict-date">Every claim by verdict date →</Link>
        </p>
      </section>

      {review.length ? (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">Needs review</h2>
          <p className="meta">Evidence newer than the verdict has arrived for these claims.</p>
          <ul className="claim-list">
            {review.map((c) => (
              <ClaimRow key={c.id} claim={c} />
            ))}
          </ul>
        </section>
      ) : null}

      {sources.length ? (
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">Most-cited sources</h2>
          <ul className="source-list">
            {sources.map((s) => (
              <li key={s.id}>
                <ReliabilityBadge grade={s.reliability} /> <Link href={`/sources/${s.id}`}><bdi>{s.title}</bdi></Link>{' '}
                <span className="meta">
                  {s.claimCount.toLocaleString('en')} claims, {s.evidenceCount.toLocaleString('en')} evidence entries
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link href="/sources">Every source →</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
