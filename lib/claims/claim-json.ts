import type { ClaimDetail } from './dto';
import { getClaimPermalink } from '../citations/permalink';
import { STANCES } from '../shared/vocabulary';

/** The documented claim shape of GET /api/claims/{id} (see /api/openapi.json, ClaimDetail). */
export function toClaimJson(claim: ClaimDetail) {
  return {
    id: claim.id,
    url: getClaimPermalink(claim.id),
    title: claim.title,
    statement: claim.statement,
    original: claim.original,
    passages: claim.passages,
    claimant: claim.claimant,
    topics: claim.topics,
    verdict: claim.verdict,
    summary: claim.summary,
    confidence: claim.confidence,
    confidenceBand: claim.confidenceBand,
    quantity: claim.quantity,
    appearances: claim.appearances,
    sources: claim.sources,
    evidence: STANCES.flatMap((s) => claim.evidence[s]),
    pendingEvidenceCount: claim.pendingEvidenceCount,
    confidenceNotes: claim.confidenceNotes,
    related: claim.related,
    analysis: { text: claim.body.text },
    lastReviewed: claim.lastReviewed,
    needsReview: claim.needsReview,
    quoteProblemCount: claim.quoteProblemCount,
    withdrawn: claim.withdrawn,
    withdrawnAt: claim.withdrawnAt,
    updatedAt: claim.updatedAt,
  };
}
