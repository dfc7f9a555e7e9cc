import type { z } from 'zod';
import type { ClaimDetail } from '@/lib/claims/dto';
import { getClaimPermalink } from '@/lib/citations/permalink';
import { getDataVersion } from '@/lib/history/revisions';
import type { Db } from '@/db/client';
import { STANCES } from '@/lib/shared/vocabulary';

export type ApiErrorCode = 'not_found' | 'invalid' | 'internal';

/** The one error shape of the API: { "error": { "code", "message", "field"?, "issues"? } }, as the write API's. */
export function apiError(status: number, code: ApiErrorCode, message: string, issues?: { param: string; message: string }[]): Response {
  const field = issues?.[0]?.param;
  return Response.json({ error: { code, message, ...(field ? { field } : {}), ...(issues ? { issues } : {}) } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function badQuery(error: z.ZodError): Response {
  return apiError(
    400,
    'invalid',
    'Invalid query parameters.',
    error.issues.map((i) => ({
      param: i.code === 'unrecognized_keys' ? (i.keys[0] ?? '') : String(i.path[0] ?? ''),
      message: i.code === 'unrecognized_keys' ? `unknown parameter(s): ${i.keys.join(', ')}` : i.message,
    })),
  );
}

/**
 * Wraps a handler so that an unexpected failure is a 500 with a generic body: the
 * cause goes to the server log, never to the client.
 */
export async function handle(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    console.error('API error', error);
    return apiError(500, 'internal', 'The server could not answer this request.');
  }
}

/**
 * JSON with an ETag from the store's data version: any write anywhere changes it, so a
 * client (or proxy) revalidating with If-None-Match gets a 304 while nothing changed.
 */
export async function jsonWithVersion(request: Request, db: Db, body: unknown): Promise<Response> {
  const etag = `W/"v${await getDataVersion(db)}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=0, must-revalidate' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return Response.json(body, { headers });
}

/** The documented claim shape of GET /api/claims/{id} (see README "JSON API"). */
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
