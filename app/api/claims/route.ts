import { claimListQuerySchema, listClaims } from '@/lib/claims/list-queries';
import { defineOperation, replyWithDataVersion } from '@/lib/http/api-route';
import { claimPageSchema } from '@/lib/http/api-schemas';

// Served through app/api/lists/claims/[view] (proxy.ts), which caches each query until the next write.
export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/claims',
    summary: 'Claims, filtered and sorted, one bounded page at a time (keyset cursor)',
    tags: ['claims'],
    auth: 'public',
    query: claimListQuerySchema,
    responses: { 200: { description: 'A page of claim summaries.', schema: claimPageSchema, headers: ['ETag'] }, 304: { description: 'Not modified since the ETag sent in If-None-Match.' } },
  },
  async ({ db, request, query }) => replyWithDataVersion(request, db, await listClaims(db, query)),
);
