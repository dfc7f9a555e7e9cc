import 'server-only';
import { Feed } from 'feed';
import { PUBLISHER_NAME } from '../citations/claim-review';
import { getSiteOrigin } from '../citations/permalink';
import { memoByDataVersion } from '../cache/version-memo';
import { getDb } from '../db';
import { getDataVersion } from '../history/revisions';
import { describeFeedScope, FEED_ENTRY_LIMIT, listFeedEntries, type FeedDescription, type FeedEntry, type FeedScope } from './entries';

export type FeedFormat = 'atom' | 'json';

const MEDIA_TYPE: Record<FeedFormat, string> = { atom: 'application/atom+xml', json: 'application/feed+json' };

/** A stable entry id: the revision log entry, as a tag URI (RFC 4151) that no move of the site changes. */
export function feedEntryId(entry: FeedEntry): string {
  return `tag:claim-ledger,2026:revision/${entry.revisionId}`;
}

/** Atom 1.0 or JSON Feed 1.1 of the entries. */
export function renderFeed(description: FeedDescription, entries: FeedEntry[], format: FeedFormat, fallbackUpdated: Date): string {
  const origin = getSiteOrigin();
  const feed = new Feed({
    id: `${origin}${description.feedPath}.atom`,
    title: description.title,
    description: `The newest ${FEED_ENTRY_LIMIT} changes: new claims, verdict and confidence changes with their reasons, new evidence, corrections and withdrawals.`,
    link: `${origin}${description.pagePath}`,
    updated: entries[0] ? new Date(entries[0].at) : fallbackUpdated,
    generator: PUBLISHER_NAME,
    author: { name: PUBLISHER_NAME, link: `${origin}/` },
    copyright: `${PUBLISHER_NAME}; see ${origin}/data for the licence`,
    feedLinks: { atom: `${origin}${description.feedPath}.atom`, json: `${origin}${description.feedPath}.json` },
  });
  for (const e of entries) {
    feed.addItem({
      id: feedEntryId(e),
      title: e.title,
      link: `${origin}${e.path}`,
      date: new Date(e.at),
      published: new Date(e.at),
      description: e.text,
      category: [{ name: e.kind, term: e.kind }],
      author: [{ name: PUBLISHER_NAME }],
    });
  }
  if (format === 'atom') return feed.atom1();
  // feed@6 writes JSON Feed 1.0 (a singular author); 1.1 has `authors` and plain-text content.
  const json = JSON.parse(feed.json1()) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
  const { author: _author, ...top } = json;
  return JSON.stringify({
    ...top,
    version: 'https://jsonfeed.org/version/1.1',
    language: 'en',
    authors: [{ name: PUBLISHER_NAME, url: `${origin}/` }],
    items: json.items.map(({ author: _a, content_html: _c, summary: _s, ...item }, i) => ({
      ...item,
      content_text: entries[i]!.text,
      date_modified: item.date_published ?? item.date_modified,
      authors: [{ name: PUBLISHER_NAME }],
      tags: [entries[i]!.kind],
    })),
  });
}

function scopeKey(scope: FeedScope): string {
  return scope.kind === 'site' ? 'site' : scope.kind === 'topic' ? `topic:${scope.topic}` : `${scope.kind}:${scope.id}`;
}

/** GET of a feed: Atom or JSON Feed 1.1, revalidated by ETag on the data version. */
export async function respondWithFeed(request: Request, scope: FeedScope, format: FeedFormat): Promise<Response> {
  const problem = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
  if ([...new URL(request.url).searchParams.keys()].length) return problem(400, 'invalid', 'A feed takes no query parameters.');
  try {
    const db = await getDb();
    const version = await getDataVersion(db);
    const etag = `W/"v${version}-${format}"`;
    const headers = { 'Content-Type': `${MEDIA_TYPE[format]}; charset=utf-8`, ETag: etag, 'Cache-Control': 'public, max-age=0, must-revalidate', 'X-Content-Type-Options': 'nosniff' };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    const body = await memoByDataVersion(version, `feed|${format}|${scopeKey(scope)}`, async () => {
      const description = await describeFeedScope(db, scope);
      if (!description) return null;
      const changedAt = await db.selectFrom('data_version').select('changed_at').where('id', '=', 1).executeTakeFirst();
      return renderFeed(description, await listFeedEntries(db, scope), format, new Date(changedAt?.changed_at ?? 0));
    });
    if (body === null) return problem(404, 'not_found', `No public ${scope.kind} ${scope.kind === 'topic' ? `"${scope.topic}"` : `"${'id' in scope ? scope.id : ''}"`} has a feed.`);
    return new Response(body, { headers });
  } catch (error) {
    console.error('feed failed', error);
    return problem(503, 'unavailable', 'The feed could not be made just now; try again.');
  }
}


/** A path segment as text, whether or not the router already decoded it. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
