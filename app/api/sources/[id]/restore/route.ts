import { z } from 'zod';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { idParams, sourceRecordSchema } from '@/lib/http/api-schemas';
import { etagOf } from '@/lib/http/etag';
import { toSourceRecord } from '@/lib/sources/record';
import { restoreSource } from '@/lib/sources/restore';

const restoreSchema = z.strictObject({ revision: z.number().int().min(1).max(2_147_483_647) });

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/sources/{id}/restore',
    summary: "Put back a past revision's content of a source as a new revision",
    description: 'Metadata, reliability, copies and citations come back; not a merge or the review status.',
    tags: ['sources'],
    auth: 'editor',
    params: idParams,
    body: restoreSchema,
    ifMatch: true,
    responses: { 200: { description: 'The restored source.', schema: sourceRecordSchema, headers: ['ETag'] } },
    errors: [401, 403, 404, 409, 412, 413, 415, 428],
  },
  async ({ db, editor, params, body, expectedRevision }) => {
    const row = await restoreSource(db, params.id, body.revision, expectedRevision, editor);
    return replyJson(toSourceRecord(row), { etag: etagOf(row.revision) });
  },
);
