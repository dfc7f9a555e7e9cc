import { writeRoute } from '../../../_lib/write-route';
import { consumeRateLimit } from '@/lib/auth/rate-limit';
import { getEnv } from '@/lib/env';
import { newEvidenceInputSchema } from '@/lib/evidence/input';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { createEvidence, etagOf } from '@/lib/evidence/write';
import { clientKey, readJsonBody } from '@/lib/http/request';
import { UserFacingError } from '@/lib/shared/errors';

/**
 * POST /api/claims/{id}/evidence: an editor's entry is stored accepted; without a token
 * or session it becomes a pending proposal (rate-limited per client address).
 */
export function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const { id } = await ctx.params;
    const input = await readJsonBody(request, newEvidenceInputSchema);
    let submitter: Parameters<typeof createEvidence>[3];
    if (actor) submitter = { kind: 'editor', actor };
    else {
      const key = clientKey(request);
      const limit = await consumeRateLimit(db, `proposal:${key}`, { limit: getEnv().PROPOSAL_RATE_LIMIT, windowMs: 60 * 60 * 1000 });
      if (!limit.ok) {
        throw new UserFacingError('rate_limited', `too many proposals from this address: try again in ${limit.retryAfterSeconds} s`, undefined, {
          retryAfterSeconds: limit.retryAfterSeconds,
        });
      }
      submitter = { kind: 'anonymous', clientKey: key };
    }
    const row = await createEvidence(db, id, input, submitter);
    return Response.json(toEvidenceRecord(row), {
      status: 201,
      headers: { ETag: etagOf(row.revision), Location: `/api/evidence/${row.id}`, 'Cache-Control': 'no-store' },
    });
  });
}
