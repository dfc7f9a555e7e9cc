import { respondByDataVersion } from '@/lib/cache/respond-by-version';
import { renderSitemapRoot } from '@/lib/sitemap/sitemap';

export async function GET(request: Request): Promise<Response> {
  return respondByDataVersion(request, {
    key: 'sitemap',
    contentType: 'application/xml; charset=utf-8',
    notFound: 'No sitemap.',
    build: async (db) => ({ body: await renderSitemapRoot(db) }),
  });
}
