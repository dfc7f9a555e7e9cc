import { z } from 'zod';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { idParams, mergeResultSchema } from '@/lib/http/api-schemas';
import { plainString, slugSchema } from '@/lib/shared/vocabulary';
import { mergeSources } from '@/lib/sources/write';

const mergeSchema = z.strictObject({ into: slugSchema, reason: plainString().trim().min(1).max(5000) });

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/sources/{id}/merge',
    summary: "Merge a duplicate source into another: its evidence moves to `into`; both stay, linked",
    tags: ['sources'],
    auth: 'editor',
    params: idParams,
    body: mergeSchema,
    responses: { 200: { description: 'Where it went and how much evidence moved.', schema: mergeResultSchema } },
    errors: [401, 403, 404, 409, 413, 415],
  },
  async ({ db, editor, params, body }) => {
    const result = await mergeSources(db, params.id, body.into, body.reason, editor);
    return replyJson({ mergedInto: body.into, movedEvidence: result.movedEvidence });
  },
);
