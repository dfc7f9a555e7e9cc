import { respondByDataVersion } from '@/lib/cache/respond-by-version';
import { renderSitemapPart } from '@/lib/sitemap/sitemap';

/** /sitemaps/claims/0.xml …: the files of the sitemap index (see /sitemap.xml). */
export async function GET(request: Request, ctx: { params: Promise<{ kind: string; file: string }> }): Promise<Response> {
  const { kind, file } = await ctx.params;
  const m = /^(\d{1,6})\.xml$/.exec(file);
  return respondByDataVersion(request, {
    key: `sitemap|${kind}|${file}`,
    contentType: 'application/xml; charset=utf-8',
    notFound: `No sitemap file /sitemaps/${kind}/${file}: /sitemap.xml lists the files there are.`,
    build: async (db) => {
      if (!m || (kind !== 'claims' && kind !== 'sources')) return null;
      const body = await renderSitemapPart(db, kind, Number(m[1]));
      return body === null ? null : { body };
    },
  });
}
