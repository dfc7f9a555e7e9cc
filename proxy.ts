import { NextResponse, type NextRequest } from 'next/server';
import { citationPathOf } from './lib/citations/negotiate';
import { listViewPathOf } from './lib/http/list-view';

/**
 * Lists are cached pages: each query string of /claims, /sources and their API twins is served
 * by the route of its "view" (lib/http/list-view.ts), which Next caches and the data-version
 * cache handler refreshes; the reader's URL stays as it was.
 *
 * Claim and source URLs also answer for their citations: `.bib`, `.ris` and `.csl.json` links,
 * or an Accept header asking for CSL-JSON, BibTeX or RIS (lib/citations/negotiate.ts); and
 * `/claims/{id}?rev=N` is the page of that revision, `/claims/{id}/v/N`.
 */
export function proxy(request: NextRequest) {
  // Only reads: POST /api/sources creates a source and must reach its own handler.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  const { pathname } = request.nextUrl;
  const params = new URLSearchParams(request.nextUrl.searchParams);
  params.delete('_rsc'); // the router's cache-buster, not part of what is asked for

  const cite = citationPathOf(pathname, request.headers.get('accept'));
  if (cite) {
    const url = request.nextUrl.clone();
    url.pathname = cite;
    const style = params.get('style');
    const rev = params.get('rev');
    url.search = new URLSearchParams([...(rev !== null ? [['rev', rev]] : []), ...(style !== null ? [['style', style]] : [])]).toString();
    return NextResponse.rewrite(url);
  }
  const rev = params.get('rev');
  if (rev && /^\/claims\/[^/]+$/.test(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = `${pathname}/v/${encodeURIComponent(rev)}`;
    url.search = '';
    return NextResponse.rewrite(url);
  }

  const target = listViewPathOf(pathname, params);
  if (!target) {
    // The same URL serves HTML or a citation by Accept: caches must keep them apart.
    const res = NextResponse.next();
    if (/^\/(claims|sources)\/[^/]+(\/v\/\d+)?$/.test(pathname)) res.headers.set('Vary', 'Accept');
    return res;
  }
  const url = request.nextUrl.clone();
  url.pathname = target;
  url.search = '';
  return NextResponse.rewrite(url);
}

export const config = { matcher: ['/claims', '/sources', '/api/claims', '/api/sources', '/claims/:id', '/sources/:id', '/claims/:id/v/:rev'] };
