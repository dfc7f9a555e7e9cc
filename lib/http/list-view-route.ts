import type { ApiHandler } from './api-route';
import { fromListViewKey } from './list-view';

/**
 * The cached route behind a public list (proxy.ts rewrites /api/claims?… to /api/lists/claims/<view>):
 * it answers as the public operation would for the query the view stands for, and documents itself
 * as that operation. The response is rendered once per view and data version, so it reads nothing
 * of the request but the view (If-None-Match is answered by Next from the cached response's ETag).
 */
export function listViewHandler(list: ApiHandler): ApiHandler {
  const handler = async (_request: Request, ctx?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const query = fromListViewKey((await ctx?.params)?.view ?? '').toString();
    return list(new Request(`http://claim-ledger.invalid${list.operation.path}${query ? `?${query}` : ''}`), { params: Promise.resolve({}) });
  };
  return Object.assign(handler, { operation: list.operation });
}
