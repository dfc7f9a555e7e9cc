import { z } from 'zod';
import { writeRoute } from '../../../_lib/write-route';
import { readJsonBody, requireEditor } from '@/lib/http/request';
import { plainString, slugSchema } from '@/lib/shared/vocabulary';
import { mergeSources } from '@/lib/sources/write';

const mergeSchema = z.strictObject({ into: slugSchema, reason: plainString().trim().min(1).max(5000) });

/** POST /api/sources/{id}/merge: {into, reason}: this source's evidence moves to `into`; both stay, linked. */
export function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const { into, reason } = await readJsonBody(request, mergeSchema);
    const result = await mergeSources(db, id, into, reason, editor);
    return Response.json({ mergedInto: into, movedEvidence: result.movedEvidence }, { headers: { 'Cache-Control': 'no-store' } });
  });
}
