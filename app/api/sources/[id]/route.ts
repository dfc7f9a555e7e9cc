import { sourcePatchSchema } from '@/lib/evidence/input';
import { defineOperation, notFound, replyJson } from '@/lib/http/api-route';
import { idParams, sourceDetailSchema, sourceRecordSchema } from '@/lib/http/api-schemas';
import { etagOf } from '@/lib/http/etag';
import { getSourceDetail } from '@/lib/sources/source-detail';
import { toSourceRecord } from '@/lib/sources/record';
import { updateSource } from '@/lib/sources/write';

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/sources/{id}',
    summary: 'One source, the claims and evidence resting on it, and its citation links',
    // The body depends on evidence elsewhere too, so the revision tag cannot validate a cached
    // copy: no-cache without 304s; `dataVersion` says which state of the store it shows.
    description: 'ETag is the source\'s own revision (what PATCH needs in If-Match), also in the body as `revision`.',
    tags: ['sources'],
    auth: 'public',
    params: idParams,
    responses: { 200: { description: 'The source.', schema: sourceDetailSchema, headers: ['ETag'] } },
    errors: [404],
  },
  async ({ db, params }) => {
    const detail = await getSourceDetail(db, params.id);
    if (!detail) throw notFound('source', params.id);
    return replyJson(detail, { etag: etagOf(detail.revision), cache: 'no-cache' });
  },
);

export const PATCH = defineOperation(
  {
    method: 'PATCH',
    path: '/api/sources/{id}',
    summary: 'Edit a source (any subset of its fields)',
    tags: ['sources'],
    auth: 'editor',
    params: idParams,
    body: sourcePatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'The edited source (a new revision).', schema: sourceRecordSchema, headers: ['ETag'] } },
    errors: [401, 403, 404, 409, 412, 413, 415, 428],
  },
  async ({ db, editor, params, body, expectedRevision }) => {
    const row = await updateSource(db, params.id, body, expectedRevision, editor);
    return replyJson(toSourceRecord(row), { etag: etagOf(row.revision) });
  },
);
