import 'server-only';
import { parseSearchParams } from '../search/params';
import { getSearchService } from '../search/server';
import type { SearchIndex } from '../search/search-index';

/** The server's search index, brought up to date: a search first replays every write since the index last looked. */
export async function getFreshSearchIndex(): Promise<SearchIndex> {
  const service = await getSearchService();
  const probe = parseSearchParams({ q: 'intake' });
  if (probe.ok) await service.search(probe.params);
  return service.current() ?? service.warm();
}
