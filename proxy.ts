import { NextResponse, type NextRequest } from 'next/server';
import { listViewPathOf } from './lib/http/list-view';

/**
 * Lists are cached pages: each query string of /claims, /sources and their API twins is served
 * by the route of its "view" (lib/http/list-view.ts), which Next caches and the data-version
 * cache handler refreshes; the reader's URL stays as it was.
 */
export function proxy(request: NextRequest) {
  // Only reads: POST /api/sources creates a source and must reach its own handler.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const params = new URLSearchParams(request.nextUrl.searchParams);
  params.delete('_rsc'); // the router's cache-buster, not part of what is asked for
  const target = listViewPathOf(request.nextUrl.pathname, params);
  if (!target) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = target;
  url.search = '';
  return NextResponse.rewrite(url);
}

export const config = { matcher: ['/claims', '/sources', '/api/claims', '/api/sources'] };
