import { z } from 'zod';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { restoreEvidence } from '@/lib/evidence/write';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { evidenceRecordSchema, idParams } from '@/lib/http/api-schemas';
import { etagOf } from '@/lib/http/etag';

const restoreSchema = z.strictObject({ revision: z.number().int().min(1).max(2_147_483_647).optional() });

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/evidence/{id}/restore',
    summary: 'Put back a past revision of an evidence entry (default: the last one before a retraction)',
    tags: ['evidence'],
    auth: 'editor',
    params: idParams,
    body: restoreSchema,
    bodyOptional: true,
    ifMatch: true,
    responses: { 200: { description: 'The restored record (a new revision).', schema: evidenceRecordSchema, headers: ['ETag'] } },
    errors: [401, 403, 404, 409, 412, 413, 415, 428],
  },
  async ({ db, editor, params, body, expectedRevision }) => {
    const row = await restoreEvidence(db, params.id, body.revision ?? null, expectedRevision, editor);
    return replyJson(toEvidenceRecord(row), { etag: etagOf(row.revision) });
  },
);
