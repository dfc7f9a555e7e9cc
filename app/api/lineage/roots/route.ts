import { defineOperation, replyWithDataVersion } from '@/lib/http/api-route';
import { lineageRootPageSchema } from '@/lib/http/api-schemas';
import { lineageRootsQuerySchema, listLineageRoots } from '@/lib/lineage/queries';

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/lineage/roots',
    summary: 'Upstream roots, those most claims and sources derive from first',
    tags: ['lineage'],
    auth: 'public',
    query: lineageRootsQuerySchema,
    responses: { 200: { description: 'A page of roots.', schema: lineageRootPageSchema, headers: ['ETag'] }, 304: { description: 'Not modified since the ETag sent in If-None-Match.' } },
  },
  async ({ db, request, query }) => replyWithDataVersion(request, db, await listLineageRoots(db, query)),
);
