import { NextResponse, type NextRequest } from 'next/server';
import { LOCALE_COOKIE, resolveRequestLocale } from './i18n/locales';
import { citationPathOf } from './lib/citations/negotiate';
import { listViewPathOf } from './lib/http/list-view';

/**
 * Every page lives under app/[locale]/: the reader's URL has no locale in it, and this proxy
 * rewrites /claims/x to /en/claims/x or /zh-Hant/claims/x by the `locale` cookie (the
 * language switch), else by Accept-Language (i18n/locales.ts). The locale is then part of the
 * path Next caches a page under, so each language has its own cache entry, and a Chinese
 * reader is never served a page rendered in English (responses say `Vary: Accept-Language,
 * Cookie` for shared caches: lib/server/response-policy.ts). A request for /en/… itself is
 * rewritten to /en/en/… and finds nothing: there is one URL per page.
 *
 * Lists are cached pages: each query string of /claims, /sources and their API twins is served
 * by the route of its "view" (lib/http/list-view.ts), which Next caches and the data-version
 * cache handler refreshes; the reader's URL stays as it was.
 *
 * Claim and source URLs also answer for their citations: `.bib`, `.ris` and `.csl.json` links,
 * or an Accept header asking for CSL-JSON, BibTeX or RIS (lib/citations/negotiate.ts); and
 * `/claims/{id}?rev=N` is the page of that revision, `/claims/{id}/v/N`.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith('/api/');
  const locale = resolveRequestLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'));
  const localised = (path: string) => `/${locale}${path === '/' ? '' : path}`;
  const rewrite = (path: string, search: string) => {
    const url = request.nextUrl.clone();
    url.pathname = path;
    url.search = search;
    return NextResponse.rewrite(url);
  };

  // Only reads are negotiated: POST /api/sources creates a source and must reach its own
  // handler, and a form posted to a page (a server action) goes to that page in the reader's locale.
  if (request.method !== 'GET' && request.method !== 'HEAD') return api ? NextResponse.next() : rewrite(localised(pathname), request.nextUrl.search);
  const params = new URLSearchParams(request.nextUrl.searchParams);
  params.delete('_rsc'); // the router's cache-buster, not part of what is asked for

  const cite = api ? null : citationPathOf(pathname, request.headers.get('accept'));
  if (cite) {
    const style = params.get('style');
    const rev = params.get('rev');
    return rewrite(localised(cite), new URLSearchParams([...(rev !== null ? [['rev', rev]] : []), ...(style !== null ? [['style', style]] : [])]).toString());
  }
  const rev = params.get('rev');
  if (rev && /^\/claims\/[^/]+$/.test(pathname)) return rewrite(localised(`${pathname}/v/${encodeURIComponent(rev)}`), '');

  const target = listViewPathOf(pathname, params);
  if (target) return rewrite(target.startsWith('/api/') ? target : localised(target), '');
  if (api) return NextResponse.next();
  const res = rewrite(localised(pathname), request.nextUrl.search);
  // The same URL serves HTML or a citation by Accept: caches must keep them apart.
  if (/^\/(claims|sources)\/[^/]+(\/v\/\d+)?$/.test(pathname)) res.headers.set('Vary', 'Accept');
  return res;
}

// Everything but the JSON API (its list views excepted), Next's own files and the icons.
export const config = { matcher: ['/((?!api/|_next/|icon\\.svg$|verdict-icons\\.svg$|favicon\\.ico$).*)', '/api/claims', '/api/sources'] };
