import { GET as listClaims } from '../../../claims/route';
import { listViewHandler } from '@/lib/http/list-view-route';

// GET /api/claims?… is served here (proxy.ts): each query string is one cached response, kept
// until the next write (the data-version cache handler), so a list costs what a static file costs.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { view: string }[] {
  return [];
}

export const GET = listViewHandler(listClaims);
