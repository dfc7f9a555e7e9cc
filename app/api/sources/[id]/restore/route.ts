import { z } from 'zod';
import { writeRoute } from '../../../_lib/write-route';
import { etagOf, revisionFromIfMatch } from '@/lib/evidence/write';
import { readJsonBody, requireEditor } from '@/lib/http/request';
import { toSourceRecord } from '@/lib/sources/record';
import { restoreSource } from '@/lib/sources/restore';

const restoreSchema = z.strictObject({ revision: z.number().int().min(1).max(2_147_483_647) });

/**
 * POST /api/sources/{id}/restore (editors): `{ "revision": N }` puts back that revision's content
 * (metadata, reliability, copies, citations; not a merge or the review status) as a new revision.
 * Needs If-Match like an edit: 428 without it, 412 when stale (with the current version).
 */
export function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const expected = revisionFromIfMatch(request.headers.get('if-match'));
    const { revision } = await readJsonBody(request, restoreSchema);
    const row = await restoreSource(db, id, revision, expected, editor);
    return Response.json(toSourceRecord(row), { headers: { ETag: etagOf(row.revision), 'Cache-Control': 'no-store' } });
  });
}
