import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema';
import { authenticateSession, authenticateToken, type Actor } from '../auth/users';
import { invalidFromZod, UserFacingError } from '../shared/errors';

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

/** Reads a JSON body: 415 unless it is JSON, 413 over 64 kB, 400 if malformed or invalid (naming the field). */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new UserFacingError('unsupported_media_type', 'send the body as JSON with Content-Type: application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new UserFacingError('payload_too_large', `the body is over ${MAX_BODY_BYTES / 1024} kB`);
  const text = await readLimited(request, MAX_BODY_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserFacingError('invalid', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  return parsed.data;
}

/** Like readJsonBody, for endpoints whose body is optional: no body at all gives `empty`. */
export async function readOptionalJsonBody<S extends z.ZodType>(request: Request, schema: S, empty: z.infer<S>): Promise<z.infer<S>> {
  const hasBody = Number(request.headers.get('content-length') ?? '0') > 0 || request.headers.has('content-type');
  return hasBody ? readJsonBody(request, schema) : empty;
}

/** Reads at most `limit` bytes, stopping early (a lying or absent Content-Length cannot force a big read). */
async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new UserFacingError('payload_too_large', `the body is over ${limit / 1024} kB`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
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
