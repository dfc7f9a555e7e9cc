import { defineOperation, notFound, replyWithDataVersion } from '@/lib/http/api-route';
import { idParams, sourceLineageSchema } from '@/lib/http/api-schemas';
import { getSourceLineage, throughOthersQuerySchema } from '@/lib/lineage/queries';

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/sources/{id}/lineage',
    summary: 'What a source derives from and what derives from it, and a page of the claims resting on it through others',
    tags: ['sources', 'lineage'],
    auth: 'public',
    params: idParams,
    query: throughOthersQuerySchema,
    responses: { 200: { description: 'The lineage (bounded, with flags); `cursor` pages through the claims.', schema: sourceLineageSchema, headers: ['ETag'] }, 304: { description: 'Not modified since the ETag sent in If-None-Match.' } },
    errors: [404],
  },
  async ({ db, request, params, query }) => {
    const lineage = await getSourceLineage(db, params.id, query);
    if (!lineage) throw notFound('source', params.id);
    return replyWithDataVersion(request, db, lineage);
  },
);
