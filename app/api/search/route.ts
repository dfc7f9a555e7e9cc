import { handleSearchRequest } from '@/lib/search/api';
import { getSearchService } from '@/lib/search/server';

// Always answered from the live index: never prerendered or cached.
export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handleSearchRequest(request, getSearchService);
}
