import 'server-only';
import { z } from 'zod';
import { LIMITS } from '@/lib/evidence/input';
import { toEvidenceRecord } from '@/lib/evidence/record';
import { reviewProposal } from '@/lib/evidence/write';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { evidenceRecordSchema, idParams } from '@/lib/http/api-schemas';
import { etagOf } from '@/lib/http/etag';
import { plainString } from '@/lib/shared/vocabulary';

const bodySchema = z.strictObject({ reason: plainString().trim().min(1).max(LIMITS.reason).optional() });

/** POST /api/proposals/{id}/accept|reject: an editor's decision on a pending proposal, with the reason kept. */
export function decideProposalRoute(decision: 'accept' | 'reject') {
  return defineOperation(
    {
      method: 'POST',
      path: `/api/proposals/{id}/${decision}`,
      summary: decision === 'accept' ? 'Accept a pending evidence proposal' : 'Reject a pending evidence proposal (a reason is required)',
      tags: ['proposals'],
      auth: 'editor',
      params: idParams,
      body: bodySchema,
      bodyOptional: true,
      responses: { 200: { description: 'The decided evidence record.', schema: evidenceRecordSchema, headers: ['ETag'] } },
      errors: [401, 403, 404, 409, 413, 415],
    },
    async ({ db, editor, params, body }) => {
      const row = await reviewProposal(db, params.id, decision, body.reason ?? null, editor);
      return replyJson(toEvidenceRecord(row), { etag: etagOf(row.revision) });
    },
  );
}
