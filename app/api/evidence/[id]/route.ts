import { evidencePatchSchema, reasonSchema } from '@/lib/evidence/input';
import { getVisibleEvidenceRowOrThrow, toEvidenceWithAnchor } from '@/lib/evidence/visible';
import { retractEvidence, updateEvidence } from '@/lib/evidence/write';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { evidenceWithAnchorSchema, idParams } from '@/lib/http/api-schemas';
import { etagOf } from '@/lib/http/etag';

const EDIT_ERRORS = [401, 403, 404, 409, 412, 413, 415, 428] as const;

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/evidence/{id}',
    summary: 'One evidence entry and its ETag (the revision an edit names in If-Match)',
    description: 'Proposals and retracted entries are visible to editors only; to anyone else they are a 404, as an unknown id.',
    tags: ['evidence'],
    auth: 'optional',
    params: idParams,
    responses: { 200: { description: 'The record with its quote anchor.', schema: evidenceWithAnchorSchema, headers: ['ETag'] } },
    errors: [401, 404],
  },
  async ({ db, actor, params }) => {
    const row = await getVisibleEvidenceRowOrThrow(db, params.id, actor);
    return replyJson(await toEvidenceWithAnchor(db, row), { etag: etagOf(row.revision) });
  },
);

export const PATCH = defineOperation(
  {
    method: 'PATCH',
    path: '/api/evidence/{id}',
    summary: 'Edit an evidence entry (any subset of its fields)',
    tags: ['evidence'],
    auth: 'editor',
    params: idParams,
    body: evidencePatchSchema,
    ifMatch: true,
    responses: { 200: { description: 'The edited record (a new revision).', schema: evidenceWithAnchorSchema, headers: ['ETag'] } },
    errors: EDIT_ERRORS,
  },
  async ({ db, editor, params, body, expectedRevision }) => {
    const row = await updateEvidence(db, params.id, body, expectedRevision, editor);
    return replyJson(await toEvidenceWithAnchor(db, row), { etag: etagOf(row.revision) });
  },
);

export const DELETE = defineOperation(
  {
    method: 'DELETE',
    path: '/api/evidence/{id}',
    summary: 'Retract an evidence entry (a soft delete with a reason)',
    tags: ['evidence'],
    auth: 'editor',
    params: idParams,
    body: reasonSchema,
    ifMatch: true,
    responses: { 200: { description: 'The retracted record (a new revision).', schema: evidenceWithAnchorSchema, headers: ['ETag'] } },
    errors: EDIT_ERRORS,
  },
  async ({ db, editor, params, body, expectedRevision }) => {
    const row = await retractEvidence(db, params.id, body.reason, expectedRevision, editor);
    return replyJson(await toEvidenceWithAnchor(db, row), { etag: etagOf(row.revision) });
  },
);
