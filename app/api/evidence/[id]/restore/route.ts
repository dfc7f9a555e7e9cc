import { z } from 'zod';
import { writeRoute } from '../../../_lib/write-route';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { etagOf, restoreEvidence, revisionFromIfMatch } from '@/lib/evidence/write';
import { readOptionalJsonBody, requireEditor } from '@/lib/http/request';

const restoreSchema = z.strictObject({ revision: z.number().int().min(1).max(2_147_483_647).optional() });

/** POST /api/evidence/{id}/restore: puts back a past revision (default: the last one before a retraction); needs If-Match like an edit. */
export function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const expected = revisionFromIfMatch(request.headers.get('if-match'));
    const { revision } = await readOptionalJsonBody(request, restoreSchema, {});
    const row = await restoreEvidence(db, id, revision ?? null, expected, editor);
    return Response.json(toEvidenceRecord(row), { headers: { ETag: etagOf(row.revision), 'Cache-Control': 'no-store' } });
  });
}
