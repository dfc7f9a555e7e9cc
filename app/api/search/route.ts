import { z } from 'zod';
import { defineOperation } from '@/lib/http/api-route';
import { searchResultSchema } from '@/lib/http/api-schemas';
import { handleSearchRequest } from '@/lib/search/api';
import { getSearchService } from '@/lib/search/server';

// Always answered from the live index: never prerendered or cached.
export const dynamic = 'force-dynamic';

/** What GET /api/search reads (lib/search/params.ts checks the values; other parameters are ignored). */
const searchQuerySchema = z.looseObject({
  q: z.string().optional().describe('The query (control characters and lone surrogates become spaces).'),
  kind: z.string().optional().describe('claim, source, evidence (comma-separated) or all.'),
  verdict: z.string().optional(),
  sourceType: z.string().optional(),
  limit: z.string().regex(/^\d{1,6}$/).optional().describe('Hits per kind, 1 to 50.'),
});

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/search',
    summary: 'Search claims, sources and evidence',
    tags: ['search'],
    auth: 'public',
    query: searchQuerySchema,
    responses: { 200: { description: 'Hits grouped by kind, with totals.', schema: searchResultSchema } },
  },
  ({ request }) => handleSearchRequest(request, getSearchService),
);
