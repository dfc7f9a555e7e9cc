import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { toQuoteAnchor } from '../captures/queries';
import type { QuoteAnchor } from '../captures/dto';
import { PROBLEM_STATUSES } from './refresh';

type Db = Kysely<Database>;

/** A quote that its source's newest archived copy does not bear out: the review queue shows these. */
export interface QuoteNeedingReview {
  claimId: string;
  claimTitle: string;
  kind: 'passage' | 'evidence';
  /** The passage's position in the claim file, or the evidence entry's id. */
  passagePosition: number | null;
  evidenceId: string | null;
  quote: string;
  source: { id: string; title: string };
  anchor: QuoteAnchor;
}

export const QUOTE_REVIEW_LIMIT = 50;

/**
 * Orphaned and approximate quotes of current claims and standing evidence, by claim (an index
 * range on quote_anchor's problem index, at most `limit`), with how many there are in all.
 */
export async function listQuotesNeedingReview(db: Db, options: { limit?: number } = {}): Promise<{ items: QuoteNeedingReview[]; total: number }> {
  const limit = options.limit ?? QUOTE_REVIEW_LIMIT;
  const rows = await db
    .selectFrom('quote_anchor as a')
    .innerJoin('claim as c', 'c.id', 'a.claim_id')
    .innerJoin('source as s', 's.id', 'a.source_id')
    .leftJoin('evidence as e', 'e.id', 'a.evidence_id')
    .leftJoin('claim_passage as p', (j) => j.onRef('p.claim_id', '=', 'a.claim_id').onRef('p.position', '=', 'a.passage_position'))
    .selectAll('a')
    .select(['c.title as claim_title', 's.title as source_title', 'e.excerpt as excerpt', 'p.text as passage_text'])
    .where('a.counts', '=', 1)
    .where('a.status', 'in', [...PROBLEM_STATUSES])
    .orderBy('a.claim_id')
    .orderBy('a.quote_key')
    .limit(limit)
    .execute();
  const total =
    rows.length < limit
      ? rows.length
      : Number(
          (await db.selectFrom('quote_anchor').select((eb) => eb.fn.countAll<number>().as('n')).where('counts', '=', 1).where('status', 'in', [...PROBLEM_STATUSES]).executeTakeFirstOrThrow()).n,
        );
  return {
    total,
    items: rows.map((r) => ({
      claimId: r.claim_id,
      claimTitle: r.claim_title,
      kind: r.evidence_id ? 'evidence' : 'passage',
      passagePosition: r.passage_position,
      evidenceId: r.evidence_id,
      quote: r.excerpt ?? r.passage_text ?? '',
      source: { id: r.source_id, title: r.source_title },
      anchor: toQuoteAnchor(r),
    })),
  };
}

/** How many quotes of a claim need review (the derived column lists can show or filter by). */
export async function countClaimQuoteProblems(db: Db, claimId: string): Promise<number> {
  const row = await db.selectFrom('claim').select('quote_problem_count').where('id', '=', claimId).executeTakeFirst();
  return row?.quote_problem_count ?? 0;
}
