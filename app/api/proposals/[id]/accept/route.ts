import { z } from 'zod';
import { writeRoute } from '../../../_lib/write-route';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { etagOf, reviewProposal } from '@/lib/evidence/write';
import { readJsonBody, requireEditor } from '@/lib/http/request';

const bodySchema = z.strictObject({ reason: z.string().trim().min(1).max(5000).optional() });

/** POST /api/proposals/{id}/accept: an editor's decision on a pending proposal, with the reason kept. */
export function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const hasBody = Number(request.headers.get('content-length') ?? '0') > 0 || request.headers.has('content-type');
    const { reason } = hasBody ? await readJsonBody(request, bodySchema) : { reason: undefined };
    const row = await reviewProposal(db, id, 'accept', reason ?? null, editor);
    return Response.json(toEvidenceRecord(row), { headers: { ETag: etagOf(row.revision), 'Cache-Control': 'no-store' } });
  });
}
