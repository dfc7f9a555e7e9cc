import { z } from 'zod';
import { defineOperation, notFound, replyWithDataVersion } from '@/lib/http/api-route';
import { claimLineageSchema, idParams } from '@/lib/http/api-schemas';
import { getClaimLineage } from '@/lib/lineage/queries';

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/claims/{id}/lineage',
    summary: "A claim's lineage graph: nodes and edges with flags, counts and first appearance",
    tags: ['claims', 'lineage'],
    auth: 'public',
    params: idParams,
    // No parameters: the whole (bounded) graph is one response.
    query: z.strictObject({}),
    responses: { 200: { description: 'The lineage.', schema: claimLineageSchema, headers: ['ETag'] }, 304: { description: 'Not modified since the ETag sent in If-None-Match.' } },
    errors: [404],
  },
  async ({ db, request, params }) => {
    const lineage = await getClaimLineage(db, params.id);
    if (!lineage) throw notFound('claim', params.id);
    return replyWithDataVersion(request, db, lineage);
  },
);
