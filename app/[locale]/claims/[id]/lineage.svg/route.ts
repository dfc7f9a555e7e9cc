import { z } from 'zod';
import { svgWords } from '@/app/_components/lineage-words';
import { DEFAULT_LOCALE, isLocale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import { getDb } from '@/lib/db';
import { getDataVersion } from '@/lib/history/revisions';
import { getClaimLineage } from '@/lib/lineage/queries';
import { renderLineageSvg } from '@/lib/lineage/svg';

/** No parameters. */
const querySchema = z.strictObject({});

/**
 * GET /claims/{id}/lineage.svg: the claim's lineage drawing as a standalone SVG document (the
 * claim page embeds it). ETag from the data version, like the API: revalidated, never stale.
 */
export async function GET(request: Request, ctx: { params: Promise<{ id: string; locale: string }> }): Promise<Response> {
  const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  if (!querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams)).success) return plain(400, 'This drawing takes no parameters.');
  try {
    const { id, locale: param } = await ctx.params;
    const locale = isLocale(param) ? param : DEFAULT_LOCALE;
    const db = await getDb();
    // The drawing's words follow the reader's language (proxy.ts rewrites to /{locale}/…), so the tag names it too.
    const version = await getDataVersion(db);
    const etag = locale === DEFAULT_LOCALE ? `W/"v${version}"` : `W/"v${version}-${locale}"`;
    const headers = { 'Content-Type': 'image/svg+xml; charset=utf-8', ETag: etag, 'Cache-Control': 'public, max-age=0, must-revalidate', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    const lineage = await getClaimLineage(db, id);
    if (!lineage) return plain(404, `No claim has the id "${id}".`);
    return new Response(renderLineageSvg(lineage, svgWords(translatorFor(locale, 'claimParts'))), { headers });
  } catch (error) {
    console.error('lineage drawing failed', error);
    return plain(500, 'The server could not draw this graph.');
  }
}
