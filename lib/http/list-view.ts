/**
 * Lists with filters and cursors in their query string (/claims?verdict=…&cursor=…) are served
 * as cached pages: proxy.ts rewrites each one to a route whose path carries the query (one
 * path segment, the "view"), which Next caches like any other page and the data-version cache
 * handler refreshes after a write. The reader's URL never changes; the same query always
 * names the same view (parameters sorted, empty ones dropped).
 */

/** Public list paths and the cached routes that render them. */
export const LIST_VIEW_ROUTES: Record<string, string> = {
  '/claims': '/lists/claims',
  '/sources': '/lists/sources',
  '/api/claims': '/api/lists/claims',
  '/api/sources': '/api/lists/sources',
};

/** The view of the first page with no filters (a path segment cannot be empty). */
const NO_QUERY = '-';

export function toListViewKey(params: URLSearchParams): string {
  const entries = [...params.entries()].filter(([, v]) => v !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return NO_QUERY;
  return Buffer.from(new URLSearchParams(entries).toString(), 'utf8').toString('base64url');
}

/** The query a view stands for; a key that is not one reads as no query (the first page). */
export function fromListViewKey(key: string): URLSearchParams {
  if (key === NO_QUERY || !/^[A-Za-z0-9_-]+$/.test(key)) return new URLSearchParams();
  return new URLSearchParams(Buffer.from(key, 'base64url').toString('utf8'));
}

/** Where proxy.ts sends a request for a list, or null when the path is not one. */
export function listViewPathOf(pathname: string, params: URLSearchParams): string | null {
  const route = LIST_VIEW_ROUTES[pathname];
  return route ? `${route}/${toListViewKey(params)}` : null;
}
