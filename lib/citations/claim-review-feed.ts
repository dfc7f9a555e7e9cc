import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { isSlug, VERDICTS, type Verdict } from '../shared/vocabulary';
import { buildReviewRating, PUBLISHER_NAME } from './claim-review';
import { getClaimPermalink, getSiteOrigin } from './permalink';

/** ClaimReviews per page of the data feed: the feed is paged, never one response of the whole ledger. */
export const CLAIM_REVIEW_FEED_PAGE_SIZE = 500;
export const CLAIM_REVIEW_FEED_PATH = '/data/claim-reviews.json';

export interface ClaimReviewFeedPage {
  body: Record<string, unknown>;
  /** The `after` of the next page, or null on the last. */
  next: string | null;
}

const asVerdict = (v: string): Verdict => ((VERDICTS as readonly string[]).includes(v) ? (v as Verdict) : 'unverifiable');

/**
 * One page of the ledger's ClaimReview data feed (a schema.org DataFeed, JSON-LD): every listed
 * claim's current ClaimReview, in id order after `after`. The rating is the claim page's
 * (buildReviewRating): the scale's alternateName, and as ratingExplanation the file's summary
 * while it describes the current verdict, else the reason of the note that set it.
 */
export async function getClaimReviewFeedPage(db: Kysely<Database>, after: string | null, pageSize = CLAIM_REVIEW_FEED_PAGE_SIZE): Promise<ClaimReviewFeedPage | null> {
  if (after !== null && !isSlug(after)) return null;
  let q = db
    .selectFrom('claim as c')
    .select((eb) => [
      'c.id', 'c.statement', 'c.claimant', 'c.verdict', 'c.summary', 'c.current_verdict', 'c.current_verdict_date', 'c.current_verdict_origin', 'c.last_reviewed', 'c.updated_at',
      eb
        .selectFrom('confidence_note as n')
        .select('n.reason')
        .whereRef('n.claim_id', '=', 'c.id')
        .whereRef('n.verdict', '=', 'c.current_verdict')
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(1)
        .as('note_reason'),
    ])
    .where('c.listed', '=', 1);
  if (after !== null) q = q.where('c.id', '>', after);
  const rows = await q.orderBy('c.id').limit(pageSize + 1).execute();
  const page = rows.slice(0, pageSize);
  const origin = getSiteOrigin();
  const elements = page.map((r) => {
    const verdict = asVerdict(r.current_verdict);
    const summary = r.summary && r.verdict === r.current_verdict ? r.summary : null;
    const explanation = summary ?? (r.current_verdict_origin === 'note' ? r.note_reason : null);
    return {
      '@type': 'ClaimReview',
      url: getClaimPermalink(r.id),
      claimReviewed: r.statement,
      datePublished: r.current_verdict_date,
      dateModified: r.last_reviewed,
      author: { '@type': 'Organization', name: PUBLISHER_NAME, url: `${origin}/` },
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: r.claimant } },
      ...(summary ? { reviewBody: summary } : {}),
      reviewRating: buildReviewRating(verdict, explanation),
    };
  });
  const next = rows.length > pageSize ? page.at(-1)!.id : null;
  const self = `${origin}${CLAIM_REVIEW_FEED_PATH}${after ? `?after=${encodeURIComponent(after)}` : ''}`;
  return {
    next,
    body: {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      name: `${PUBLISHER_NAME} ClaimReviews`,
      description: `Every current ClaimReview of the ledger, ${pageSize} per page in claim id order; the next page is linked by the HTTP Link header (rel="next") and by relatedLink.`,
      url: self,
      dateModified: page.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), ''),
      publisher: { '@type': 'Organization', name: PUBLISHER_NAME, url: `${origin}/` },
      ...(next ? { relatedLink: `${origin}${CLAIM_REVIEW_FEED_PATH}?after=${encodeURIComponent(next)}` } : {}),
      dataFeedElement: elements,
    },
  };
}
