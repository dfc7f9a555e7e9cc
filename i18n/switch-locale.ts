import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from './locales';

/**
 * The language switch's POST /language: keeps the choice in the `locale` cookie and sends the
 * reader back (303, so the browser GETs it) to the page they came from. Only a path on this
 * site is followed: a Referer from elsewhere (or none) leads home, never off-site.
 */
export async function switchLocale(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const locale = form?.get('locale');
  if (!isLocale(locale)) return new Response('Unknown language.\n', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  const headers = new Headers({ location: returnPathOf(request), 'cache-control': 'no-store' });
  headers.append('set-cookie', `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE}; SameSite=Lax`);
  return new Response(null, { status: 303, headers });
}

function returnPathOf(request: Request): string {
  const referer = request.headers.get('referer');
  if (!referer) return '/';
  try {
    const from = new URL(referer);
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    if (from.host !== host || from.pathname.startsWith('//')) return '/';
    return `${from.pathname}${from.search}`;
  } catch {
    return '/';
  }
}
