import { writeRoute } from '../../_lib/write-route';
import type { Db } from '@/db/client';
import { getEvidenceAnchors } from '@/lib/captures/queries';
import { evidencePatchSchema, reasonSchema } from '@/lib/evidence/input';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { etagOf, getEvidenceRowOrThrow, retractEvidence, revisionFromIfMatch, updateEvidence } from '@/lib/evidence/write';
import { getDb } from '@/lib/db';
import { authenticateRequest, readJsonBody, requireEditor } from '@/lib/http/request';
import { handleWrite } from '@/lib/http/respond';
import { UserFacingError } from '@/lib/shared/errors';

type Ctx = { params: Promise<{ id: string }> };

/** The record with its quote anchor (where the excerpt is in its source's newest archived copy), and its ETag. */
async function withEtag(db: Db, row: Parameters<typeof toEvidenceRecord>[0], status = 200): Promise<Response> {
  const anchor = (await getEvidenceAnchors(db, [row.id])).get(row.id) ?? null;
  return Response.json({ ...toEvidenceRecord(row), anchor }, { status, headers: { ETag: etagOf(row.revision), 'Cache-Control': 'no-store' } });
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
    return withEtag(db, row);
  });
}

/** PATCH /api/evidence/{id}: requires If-Match (428 without, 412 when stale). */
export function PATCH(request: Request, ctx: Ctx): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const expected = revisionFromIfMatch(request.headers.get('if-match'));
    const patch = await readJsonBody(request, evidencePatchSchema);
    return withEtag(db, await updateEvidence(db, id, patch, expected, editor));
  });
}

/** DELETE /api/evidence/{id}: retracts (a soft delete with a reason in the JSON body); requires If-Match. */
export function DELETE(request: Request, ctx: Ctx): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const expected = revisionFromIfMatch(request.headers.get('if-match'));
    const { reason } = await readJsonBody(request, reasonSchema);
    return withEtag(db, await retractEvidence(db, id, reason, expected, editor));
  });
}
