import 'server-only';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getDataVersion } from '../history/revisions';

/**
 * The numbers' standalone resources (chart SVG, CSV, metadata JSON): stored at write time, served
 * with an ETag from the data version (revalidated, never stale) and no parameters.
 */
const noParams = z.strictObject({});

export async function serveStoredResource(
  request: Request,
  db: Kysely<Database>,
  contentType: string,
  read: () => Promise<string | null>,
  missing: string,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  if (!noParams.safeParse(Object.fromEntries(new URL(request.url).searchParams)).success) return plain(400, 'This resource takes no parameters.');
  try {
    const etag = `W/"v${await getDataVersion(db)}"`;
    const headers = { 'Content-Type': contentType, ETag: etag, 'Cache-Control': 'public, max-age=0, must-revalidate', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", ...extraHeaders };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    const body = await read();
    if (body === null || body === '') return plain(404, missing);
    return new Response(body, { headers });
  } catch (error) {
    console.error('numbers resource failed', error);
    return plain(500, 'The server could not read this resource.');
  }
}
