import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getDb } from '../db';
import { getDataVersion } from '../history/revisions';
import { memoByDataVersion } from './version-memo';

export interface VersionedBody {
  body: string;
  headers?: Record<string, string>;
}

/**
 * GET of a document built from the store (sitemaps, the ClaimReview data feed): an ETag on the
 * data version, the body kept per version, a JSON 404 when `build` finds nothing, a JSON 503 when
 * the store fails, never a 500.
 */
export async function respondByDataVersion(
  request: Request,
  options: { key: string; contentType: string; notFound: string; build: (db: Kysely<Database>) => Promise<VersionedBody | null> },
): Promise<Response> {
  const problem = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
  try {
    const db = await getDb();
    const version = await getDataVersion(db);
    const etag = `W/"v${version}-${Buffer.from(options.key).toString('base64url').slice(0, 40)}"`;
    const base = { 'Content-Type': options.contentType, ETag: etag, 'Cache-Control': 'public, max-age=0, must-revalidate', 'X-Content-Type-Options': 'nosniff' };
    const stored = await memoByDataVersion(version, options.key, async () => {
      const built = await options.build(db);
      return built ? JSON.stringify(built) : null;
    });
    if (stored === null) return problem(404, 'not_found', options.notFound);
    const { body, headers } = JSON.parse(stored) as VersionedBody;
    const all = { ...base, ...headers };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: all });
    return new Response(body, { headers: all });
  } catch (error) {
    console.error(`${options.key} failed`, error);
    return problem(503, 'unavailable', 'This document could not be made just now; try again.');
  }
}
