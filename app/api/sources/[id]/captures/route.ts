import { z } from 'zod';
import { getCaptureListOrThrow } from '@/lib/captures/queries';
import { readCaptureUpload } from '@/lib/captures/upload';
import { addCapture, addCaptureFromSourceUrl } from '@/lib/captures/write';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { captureAddedSchema, captureListSchema, idParams } from '@/lib/http/api-schemas';

/** `{ "fetch": true }`: archive the source's own URL through the safe fetcher. */
const fetchBodySchema = z.strictObject({ fetch: z.literal(true, { error: 'send { "fetch": true } to archive the source URL, or upload a file as multipart/form-data' }) });

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/sources/{id}/captures',
    summary: "A source's archived copies, newest first, and how its quotes anchor",
    tags: ['sources', 'captures'],
    auth: 'public',
    params: idParams,
    responses: { 200: { description: 'The captures.', schema: captureListSchema } },
    errors: [404],
  },
  async ({ db, params }) => replyJson(await getCaptureListOrThrow(db, params.id), { cache: 'no-cache' }),
);

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/sources/{id}/captures',
    summary: 'Archive a new copy of a source (never an overwrite)',
    description: 'Either `{ "fetch": true }` (the source URL through the safe fetcher) or a multipart upload.',
    tags: ['sources', 'captures'],
    auth: 'editor',
    params: idParams,
    body: fetchBodySchema,
    multipart: 'field `file`: HTML, plain text or PDF, at most 10 MB',
    responses: { 201: { description: 'The capture and the anchor counts of the quotes resting on the source.', schema: captureAddedSchema } },
    errors: [401, 403, 404, 413, 415, 502],
  },
  async ({ db, editor, request, params, multipart }) => {
    const added = multipart ? await addCapture(db, params.id, await readCaptureUpload(request), editor) : await addCaptureFromSourceUrl(db, params.id, editor);
    return replyJson(added, { status: 201 });
  },
);
