import 'server-only';
import { z } from 'zod';
import { writeRoute } from './write-route';
import { LIMITS } from '@/lib/evidence/input';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { etagOf, reviewProposal } from '@/lib/evidence/write';
import { readOptionalJsonBody, requireEditor } from '@/lib/http/request';
import { plainString } from '@/lib/shared/vocabulary';

const bodySchema = z.strictObject({ reason: plainString().trim().min(1).max(LIMITS.reason).optional() });

/** POST /api/proposals/{id}/accept|reject: an editor's decision on a pending proposal, with the reason kept. */
export function decideProposalRoute(decision: 'accept' | 'reject') {
  return function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
    return writeRoute(request, async ({ db, actor }) => {
      const editor = requireEditor(actor);
      const { id } = await ctx.params;
      const { reason } = await readOptionalJsonBody(request, bodySchema, {});
      const row = await reviewProposal(db, id, decision, reason ?? null, editor);
      return Response.json(toEvidenceRecord(row), { headers: { ETag: etagOf(row.revision), 'Cache-Control': 'no-store' } });
    });
  };
}
