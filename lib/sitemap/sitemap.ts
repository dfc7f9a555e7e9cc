import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getSiteOrigin } from '../citations/permalink';

/** The sitemap protocol's bound on URLs per file; above it /sitemap.xml is an index of files of this size. */
export const SITEMAP_URL_LIMIT = 50_000;

export type SitemapKind = 'claims' | 'sources';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Listed claims (not drafts, not withdrawn: their pages ask not to be indexed) and listed sources. */
async function countOf(db: Kysely<Database>, kind: SitemapKind): Promise<number> {
  const row = await db.selectFrom(kind === 'claims' ? 'claim' : 'source').select((eb) => eb.fn.countAll<number>().as('n')).where('listed', '=', 1).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function urlsOf(db: Kysely<Database>, kind: SitemapKind, offset: number, limit: number): Promise<Array<{ loc: string; lastmod: string }>> {
  const origin = getSiteOrigin();
  if (kind === 'claims') {
    const rows = await db.selectFrom('claim').select(['id', 'updated_at', 'last_reviewed']).where('listed', '=', 1).orderBy('id').limit(limit).offset(offset).execute();
    // A note or new evidence re-reviews a claim without changing its row's updated_at.
    return rows.map((r) => ({ loc: `${origin}/claims/${r.id}`, lastmod: r.last_reviewed > r.updated_at.slice(0, 10) ? r.last_reviewed : r.updated_at.slice(0, 10) }));
  }
  const rows = await db.selectFrom('source').select(['id', 'updated_at']).where('listed', '=', 1).orderBy('id').limit(limit).offset(offset).execute();
  return rows.map((r) => ({ loc: `${origin}/sources/${r.id}`, lastmod: r.updated_at.slice(0, 10) }));
}

function urlset(urls: Array<{ loc: string; lastmod: string }>): string {
  const body = urls.map((u) => `<url><loc>${xmlEscape(u.loc)}</loc><lastmod>${u.lastmod}</lastmod></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/**
 * /sitemap.xml: every claim and source URL with its lastmod while they fit in one file; above
 * `limit` URLs, a sitemap index of /sitemaps/{claims|sources}/{n}.xml files of `limit` URLs each.
 */
export async function renderSitemapRoot(db: Kysely<Database>, limit = SITEMAP_URL_LIMIT): Promise<string> {
  const claims = await countOf(db, 'claims');
  const sources = await countOf(db, 'sources');
  if (claims + sources <= limit) return urlset([...(await urlsOf(db, 'claims', 0, limit)), ...(await urlsOf(db, 'sources', 0, limit))]);
  const origin = getSiteOrigin();
  const files: string[] = [];
  for (const [kind, n] of [['claims', claims], ['sources', sources]] as const) {
    for (let i = 0; i * limit < n; i++) files.push(`${origin}/sitemaps/${kind}/${i}.xml`);
  }
  const body = files.map((loc) => `<sitemap><loc>${xmlEscape(loc)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

/** One file of the index: null past the last one. */
export async function renderSitemapPart(db: Kysely<Database>, kind: SitemapKind, index: number, limit = SITEMAP_URL_LIMIT): Promise<string | null> {
  if (!Number.isInteger(index) || index < 0) return null;
  const n = await countOf(db, kind);
  if (index * limit >= n && !(index === 0 && n === 0)) return null;
  return urlset(await urlsOf(db, kind, index * limit, limit));
}

/** robots.txt: everything public may be crawled; the API, editors' pages and forms may not. */
export function renderRobots(): string {
  const origin = getSiteOrigin();
  return ['User-agent: *', 'Allow: /', 'Disallow: /api/', 'Disallow: /review', 'Disallow: /sign-in', 'Disallow: /sign-out', 'Disallow: /*/edit', 'Disallow: /*/new', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}
