import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { authenticateSession, authenticateToken, type Actor } from '../auth/users';
import { UserFacingError } from '../shared/errors';

/** The largest JSON body the API reads (lib/http/api-route.ts). */
export const MAX_BODY_BYTES = 64 * 1024;
export const SESSION_COOKIE = 'cl_session';

/**
 * Refuses a write whose Origin is another site. Browsers send Origin on every
 * cross-origin POST/PATCH/DELETE; a request without one comes from a non-browser client.
 */
/** Anything with request headers: a Request, or next/headers in a server action. */
export type HasHeaders = { headers: { get(name: string): string | null } };

export function assertSameOrigin(request: HasHeaders): void {
  const origin = request.headers.get('origin');
  if (!origin) {
    // Sec-Fetch-Site is the fallback signal from browsers that omit Origin.
    const site = request.headers.get('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new UserFacingError('forbidden', 'cross-site requests are refused');
    return;
  }
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new UserFacingError('forbidden', 'the Origin header is not a URL');
  }
  if (!host || originHost !== host) throw new UserFacingError('forbidden', `requests from ${origin} are refused: only this site may write`);
}

export function readCookie(request: HasHeaders, name: string): string | null {
  const header = request.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // a malformed cookie is no session, not an error
    }
  }
  return null;
}

/**
 * Who sent this request: a bearer token or a session cookie, checked against the
 * database on every request. A token that is presented but invalid is a 401, never
 * a silent downgrade to anonymous.
 */
export async function authenticateRequest(db: Kysely<Database>, request: Request): Promise<Actor | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const actor = match ? await authenticateToken(db, match[1]!) : null;
    if (!actor) throw new UserFacingError('unauthorized', 'the bearer token is invalid, revoked or belongs to a disabled account');
    return actor;
  }
  const session = readCookie(request, SESSION_COOKIE);
  return session ? authenticateSession(db, session) : null;
}

export function requireEditor(actor: Actor | null): Actor {
  if (!actor) throw new UserFacingError('unauthorized', 'sign in, or send Authorization: Bearer <token>');
  return actor;
}

/**
 * A stable, non-reversible key for the client's address. The server entry (server.mjs)
 * overwrites X-Forwarded-For with the socket's address unless TRUST_PROXY is on, so the
 * header cannot be spoofed to dodge the rate limit. Behind a trusted proxy, the last entry
 * is the one that proxy appended (entries before it are whatever the client sent).
 */
export function clientKey(request: HasHeaders): string {
  const forwarded = request.headers.get('x-forwarded-for') ?? '';
  const address = forwarded.split(',').at(-1)?.trim() || 'unknown';
  return createHash('sha256').update(`claim-ledger:${address}`).digest('hex').slice(0, 32);
}
