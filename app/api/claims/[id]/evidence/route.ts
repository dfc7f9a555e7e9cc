import { writeRoute } from '../../../_lib/write-route';
import { getEnv } from '@/lib/env';
import { newEvidenceInputSchema } from '@/lib/evidence/input';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { submitEvidence } from '@/lib/evidence/submit';
import { etagOf } from '@/lib/evidence/write';
import { clientKey, readJsonBody } from '@/lib/http/request';

/**
 * POST /api/claims/{id}/evidence: an editor's entry is stored accepted; without a token
 * or session it becomes a pending proposal (rate-limited per client address).
 */
export function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const { id } = await ctx.params;
    const input = await readJsonBody(request, newEvidenceInputSchema);
    const row = await submitEvidence(db, id, input, { actor, clientKey: clientKey(request), proposalLimit: getEnv().PROPOSAL_RATE_LIMIT });
    return Response.json(toEvidenceRecord(row), {
      status: 201,
      headers: { ETag: etagOf(row.revision), Location: `/api/evidence/${row.id}`, 'Cache-Control': 'no-store' },
    });
  });
}
