import { toConfidenceNoteRecord } from '@/lib/confidence/record';
import { addConfidenceNote } from '@/lib/confidence/write';
import { confidenceInputSchema } from '@/lib/evidence/input';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { confidenceNoteRecordSchema, idParams } from '@/lib/http/api-schemas';

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/claims/{id}/confidence',
    summary: 'Append a confidence note (a confidence, a verdict, or both, with the reason)',
    tags: ['claims'],
    auth: 'editor',
    params: idParams,
    body: confidenceInputSchema,
    responses: { 201: { description: 'The stored note.', schema: confidenceNoteRecordSchema } },
    errors: [401, 403, 404, 409, 413, 415],
  },
  async ({ db, editor, params, body }) => replyJson(toConfidenceNoteRecord(await addConfidenceNote(db, params.id, body, editor)), { status: 201 }),
);
