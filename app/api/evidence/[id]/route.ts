import { writeRoute } from '../../_lib/write-route';
import { evidencePatchSchema, reasonSchema } from '@/lib/evidence/input';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { etagOf, getEvidenceRowOrThrow, retractEvidence, revisionFromIfMatch, updateEvidence } from '@/lib/evidence/write';
import { getDb } from '@/lib/db';
import { authenticateRequest, readJsonBody, requireEditor } from '@/lib/http/request';
import { handleWrite } from '@/lib/http/respond';
import { UserFacingError } from '@/lib/shared/errors';

type Ctx = { params: Promise<{ id: string }> };

function withEtag(row: Parameters<typeof toEvidenceRecord>[0], status = 200): Response {
  return Response.json(toEvidenceRecord(row), { status, headers: { ETag: etagOf(row.revision), 'Cache-Control': 'no-store' } });
}

/** GET /api/evidence/{id}: the record and its ETag (the revision an edit must name in If-Match). */
export function GET(request: Request, ctx: Ctx): Promise<Response> {
  return handleWrite(async () => {
    const { id } = await ctx.params;
    const db = await getDb();
    const row = await getEvidenceRowOrThrow(db, id);
    // Proposals and retracted entries are for editors only; to anyone else they do not exist.
    if (row.status !== 'accepted' || row.retracted_at) {
      const actor = await authenticateRequest(db, request);
      if (!actor) throw new UserFacingError('not_found', `no evidence entry has id "${id}"`);
    }
    return withEtag(row);
  });
}

/** PATCH /api/evidence/{id}: requires If-Match (428 without, 412 when stale). */
export function PATCH(request: Request, ctx: Ctx): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const expected = revisionFromIfMatch(request.headers.get('if-match'));
    const patch = await readJsonBody(request, evidencePatchSchema);
    return withEtag(await updateEvidence(db, id, patch, expected, editor));
  });
}

/** DELETE /api/evidence/{id}: retracts (a soft delete with a reason in the JSON body); requires If-Match. */
export function DELETE(request: Request, ctx: Ctx): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const expected = revisionFromIfMatch(request.headers.get('if-match'));
    const { reason } = await readJsonBody(request, reasonSchema);
    return withEtag(await retractEvidence(db, id, reason, expected, editor));
  });
}
