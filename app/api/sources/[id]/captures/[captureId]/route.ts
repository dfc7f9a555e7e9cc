import { z } from 'zod';
import { getCaptureTextOrThrow } from '@/lib/captures/queries';
import { defineOperation, replyJson } from '@/lib/http/api-route';
import { captureTextSchema } from '@/lib/http/api-schemas';

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/sources/{id}/captures/{captureId}',
    summary: 'One archived copy with its full text',
    description: 'Copyright: the text is for editors (token or session), and for everyone when the source is marked public (its licence allows it); anyone else gets 403.',
    tags: ['sources', 'captures'],
    auth: 'optional',
    params: z.strictObject({ id: z.string().min(1).max(200), captureId: z.string().min(1).max(200) }),
    responses: { 200: { description: 'The capture and its text.', schema: captureTextSchema } },
    errors: [401, 403, 404],
  },
  async ({ db, actor, params }) => replyJson(await getCaptureTextOrThrow(db, params.id, params.captureId, { editor: actor !== null }), { cache: 'private, no-store' }),
);
