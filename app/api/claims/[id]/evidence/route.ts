import { getEnv } from '@/lib/env';
import { newEvidenceInputSchema } from '@/lib/evidence/input';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { submitEvidence } from '@/lib/evidence/submit';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { evidenceRecordSchema, idParams } from '@/lib/http/api-schemas';
import { etagOf } from '@/lib/http/etag';
import { clientKey } from '@/lib/http/request';

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/claims/{id}/evidence',
    summary: 'Add evidence to a claim',
    description: "An editor's entry is stored accepted; without a token or session it becomes a pending proposal (rate-limited per client address: 429 with Retry-After).",
    tags: ['claims', 'evidence'],
    auth: 'optional',
    params: idParams,
    body: newEvidenceInputSchema,
    responses: { 201: { description: 'The stored evidence (status accepted or pending).', schema: evidenceRecordSchema, headers: ['ETag', 'Location'] } },
    errors: [401, 403, 404, 409, 413, 415, 429],
  },
  async ({ db, actor, request, params, body }) => {
    const row = await submitEvidence(db, params.id, body, { actor, clientKey: clientKey(request), proposalLimit: getEnv().PROPOSAL_RATE_LIMIT });
    return replyJson(toEvidenceRecord(row), { status: 201, etag: etagOf(row.revision), location: `/api/evidence/${row.id}` });
  },
);
