import type { ClaimSummary } from '../claims/dto';
import { PUBLISHER_NAME } from './claim-review';

/**
 * A plain-text citation a reader can paste: publisher, title, verdict, review date, permalink.
 * No "accessed" date: the page is cached, so a render date would be misleading.
 */
export function buildClaimCitation(claim: Pick<ClaimSummary, 'title' | 'verdict' | 'lastReviewed'>, permalink: string): string {
  return `${PUBLISHER_NAME}. “${claim.title}.” Verdict: ${claim.verdict.label}. Last reviewed ${claim.lastReviewed}. ${permalink}`;
}
