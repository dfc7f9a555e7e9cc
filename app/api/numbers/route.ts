import { defineOperation, replyWithDataVersion } from '@/lib/http/api-route';
import { numberListPageSchema } from '@/lib/http/api-schemas';
import { listNumbers, numberListQuerySchema } from '@/lib/numbers/queries';

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/numbers',
    summary: 'Every numeric claim with its deviation from the evidence, one bounded page at a time (keyset cursor)',
    description: 'Sorted by deviation (largest first, claims nothing compares with last), title, measure or number of possible contradictions.',
    tags: ['numbers'],
    auth: 'public',
    query: numberListQuerySchema,
    responses: { 200: { description: 'A page of numeric claims.', schema: numberListPageSchema, headers: ['ETag'] }, 304: { description: 'Not modified since the ETag sent in If-None-Match.' } },
  },
  async ({ db, request, query }) => replyWithDataVersion(request, db, await listNumbers(db, query)),
);
