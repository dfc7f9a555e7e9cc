import { z } from 'zod';
import { writeRoute } from '../../../_lib/write-route';
import { listCaptures, summarizeAnchors } from '@/lib/captures/queries';
import { readCaptureUpload } from '@/lib/captures/upload';
import { addCapture, addCaptureFromSourceUrl } from '@/lib/captures/write';
import { getDb } from '@/lib/db';
import { readJsonBody, requireEditor } from '@/lib/http/request';
import { handleWrite } from '@/lib/http/respond';
import { UserFacingError } from '@/lib/shared/errors';
import { isSlug } from '@/lib/shared/vocabulary';

/** `{ "fetch": true }`: archive the source's own URL through the safe fetcher. */
const fetchBodySchema = z.strictObject({ fetch: z.literal(true, { error: 'send { "fetch": true } to archive the source URL, or upload a file as multipart/form-data' }) });

type Ctx = { params: Promise<{ id: string }> };

/** GET /api/sources/{id}/captures: the source's archived copies, newest first, and how its quotes anchor. */
export function GET(_request: Request, ctx: Ctx): Promise<Response> {
  return handleWrite(async () => {
      const { id } = await ctx.params;
      const db = await getDb();
      const source = isSlug(id) ? await db.selectFrom('source').select(['id', 'text_public', 'licence']).where('id', '=', id).where('status', '=', 'accepted').executeTakeFirst() : undefined;
      if (!source) throw new UserFacingError('not_found', `no source has id "${id}"`);
      const { items, total } = await listCaptures(db, id);
      return Response.json(
        { sourceId: id, textPublic: source.text_public === 1, licence: source.licence, total, items, quotes: await summarizeAnchors(db, id) },
        { headers: { 'Cache-Control': 'no-cache' } },
      );
  });
}

/**
 * POST /api/sources/{id}/captures (editors): a new archived copy, never an overwrite. Either a
 * multipart upload (field `file`: HTML, plain text or PDF, at most 10 MB) or `{ "fetch": true }`.
 * 201 with the capture and the anchor counts of the quotes resting on the source.
 */
export function POST(request: Request, ctx: Ctx): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const type = request.headers.get('content-type') ?? '';
    const added = /^multipart\/form-data/i.test(type)
      ? await addCapture(db, id, await readCaptureUpload(request), editor)
      : (await readJsonBody(request, fetchBodySchema), await addCaptureFromSourceUrl(db, id, editor));
    return Response.json(added, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  });
}
