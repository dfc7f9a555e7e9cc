import { GET as listSources } from '../../../sources/route';
import { fromListViewKey } from '@/lib/http/list-view';

// GET /api/sources?… is served here (proxy.ts): each query string is one cached response, kept
// until the next write (the data-version cache handler), so a list costs what a static file costs.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { view: string }[] {
  return [];
}

type Ctx = { params: Promise<{ view: string }> };

// The response is rendered once per view and data version, so it reads nothing of the request
// but the view (If-None-Match is answered by Next from the cached response's ETag).
export async function GET(_request: Request, ctx: Ctx): Promise<Response> {
  const query = fromListViewKey((await ctx.params).view).toString();
  return listSources(new Request(`http://claim-ledger.invalid/api/sources${query ? `?${query}` : ''}`));
}
