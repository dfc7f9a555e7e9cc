import { newSourceInputSchema } from '@/lib/evidence/input';
import { defineOperation, replyJson, replyWithDataVersion } from '@/lib/http/api-route';
import { sourcePageSchema, sourceRecordSchema } from '@/lib/http/api-schemas';
import { etagOf } from '@/lib/http/etag';
import { listSources, sourceListQuerySchema } from '@/lib/sources/list-queries';
import { toSourceRecord } from '@/lib/sources/record';
import { createSource } from '@/lib/sources/write';

// Served through app/api/lists/sources/[view] (proxy.ts), which caches each query until the next write.
export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/sources',
    summary: 'Sources, filtered and sorted, one bounded page at a time (keyset cursor)',
    tags: ['sources'],
    auth: 'public',
    query: sourceListQuerySchema,
    responses: { 200: { description: 'A page of source summaries.', schema: sourcePageSchema, headers: ['ETag'] }, 304: { description: 'Not modified since the ETag sent in If-None-Match.' } },
  },
  async ({ db, request, query }) => replyWithDataVersion(request, db, await listSources(db, query)),
);

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/sources',
    summary: 'Create a source',
    description: 'A duplicate (same normalised URL or DOI) is a 409 whose body names the existing source under error.existing.',
    tags: ['sources'],
    auth: 'editor',
    body: newSourceInputSchema,
    responses: { 201: { description: 'The new source.', schema: sourceRecordSchema, headers: ['ETag', 'Location'] } },
    errors: [401, 403, 409, 413, 415],
  },
  async ({ db, editor, body }) => {
    const row = await createSource(db, body, editor);
    return replyJson(toSourceRecord(row), { status: 201, etag: etagOf(row.revision), location: `/api/sources/${row.id}` });
  },
);
