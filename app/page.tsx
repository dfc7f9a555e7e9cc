import type { Metadata } from 'next';
import Link from 'next/link';
import { ClaimRow } from './_components/claim-row';
import { HeaderSearch } from './_components/header-search';
import { VerdictBadge } from './_components/verdict-badge';
import { countByVerdict, getClaimBoard, listClaims } from '@/lib/claims/queries';
import { getDb } from '@/lib/db';
import { ARTICLE_UNDER_REVIEW_ID, getSourceLink } from '@/lib/sources/queries';

// Cached like a static page; the data-version cache handler refreshes it after any write.
export const revalidate = false;

export const metadata: Metadata = {
  title: { absolute: 'Claim Ledger: claims checked back to their primary sources' },
  description: 'Every factual claim in one article, traced to its primary sources, with the evidence, a verdict and a confidence figure.',
  openGraph: { title: 'Claim Ledger', description: 'Claims traced back to their primary sources, with evidence and verdicts.' },
};

export default async function HomePage() {
  const db = await getDb();
  const article = await getSourceLink(db, ARTICLE_UNDER_REVIEW_ID);
  // Before the article is in the store (or in a test store without it), the board shows every claim.
  const board = article ? await getClaimBoard(db, ARTICLE_UNDER_REVIEW_ID) : null;
  const claims = board?.claims ?? (await listClaims(db, { pageSize: 100 })).items;
  const counts = board?.countsByVerdict ?? countByVerdict(claims);

  return (
    <>
      <h1>Claim Ledger</h1>
      <p className="lede">
        A ledger of factual claims: each one is traced through everyone who repeated it back to its primary source, weighed against the evidence, and
        given a verdict and a confidence figure you can check line by line.
      </p>
      <HeaderSearch id="home-search" large />

      <section aria-labelledby="article-heading">
        <h2 id="article-heading">The article under review</h2>
        {article ? (
          <div className="article-card">
            <h3 lang="zh-Hant">
              <Link href={`/sources/${article.id}`}>{article.title}</Link>
            </h3>
            <p className="meta">
              by {article.authors.length ? article.authors.join(', ') : '鋼哥'}
              {article.publisher ? ` · ${article.publisher}` : ''}
              {article.published ? <> · <time dateTime={article.published}>{article.published}</time></> : null}
              {article.url ? (
                <>
                  {' · '}
                  <a href={article.url} rel="nofollow ugc noopener noreferrer">
                    original
                  </a>
                </>
              ) : null}
            </p>
          </div>
        ) : (
          <p className="meta">The article (鋼哥) has not been ingested yet; below are all claims in the ledger.</p>
        )}
      </section>

      <section aria-labelledby="board-heading">
        <h2 id="board-heading">Its claims ({claims.length})</h2>
        {counts.length ? (
          <ul className="verdict-counts" aria-label="Claims by verdict">
            {counts.map((c) => (
              <li key={c.verdict}>
                <VerdictBadge verdict={c.verdict} /> {c.count}
              </li>
            ))}
          </ul>
        ) : null}
        {claims.length ? (
          <ul className="claim-list">
            {claims.map((c) => (
              <ClaimRow key={c.id} claim={c} />
            ))}
          </ul>
        ) : (
          <p>No claims yet.</p>
        )}
        <p>
          <Link href="/claims">Browse and filter every claim →</Link>
        </p>
      </section>
    </>
  );
}
