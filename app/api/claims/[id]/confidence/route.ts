import { writeRoute } from '../../../_lib/write-route';
import { addConfidenceNote } from '@/lib/confidence/write';
import { confidenceInputSchema } from '@/lib/evidence/input';
import { readJsonBody, requireEditor } from '@/lib/http/request';

/** POST /api/claims/{id}/confidence: appends a confidence note (editors only). */
export function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const input = await readJsonBody(request, confidenceInputSchema);
    const row = await addConfidenceNote(db, id, input, editor);
    return Response.json(
      {
        id: row.id,
        claimId: row.claim_id,
        confidence: row.confidence,
        verdict: row.verdict,
        reason: row.reason,
        evidenceIds: JSON.parse(row.evidence_ids) as string[],
        author: row.author,
        createdAt: row.created_at,
        revision: 1,
      },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  });
}
