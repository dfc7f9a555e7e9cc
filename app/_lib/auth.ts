import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Db } from '@/db/client';
import { authenticateSession, type Actor } from '@/lib/auth/users';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { assertSameOrigin, clientKey, SESSION_COOKIE } from '@/lib/http/request';
import { UserFacingError } from '@/lib/shared/errors';

/** The signed-in editor of this request, from the session cookie checked against the database. */
export async function getSessionActor(db: Db): Promise<Actor | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? authenticateSession(db, token) : null;
}

/**
 * Every server action starts here, as every write route does: refuse another origin, then
 * identify the caller from the session cookie itself (never from what the page showed).
 */
export async function getActionContext(): Promise<{ db: Db; actor: Actor | null; clientKey: string }> {
  const h = await headers();
  assertSameOrigin({ headers: h });
  const db = await getDb();
  return { db, actor: await getSessionActor(db), clientKey: clientKey({ headers: h }) };
}

/** For actions only editors may take: 401 without a valid session. */
export async function getEditorActionContext(): Promise<{ db: Db; actor: Actor }> {
  const ctx = await getActionContext();
  if (!ctx.actor) throw new UserFacingError('unauthorized', 'Your session has ended: sign in again, then resubmit.');
  return { db: ctx.db, actor: ctx.actor };
}

/** For editor pages: the editor, or a redirect to the sign-in page that comes back here. */
export async function requireEditorPage(db: Db, returnTo: string): Promise<Actor> {
  const actor = await getSessionActor(db);
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}

/**
 * Session cookies are Secure when the site is served over https: always when SITE_URL says
 * so, otherwise as the browser's own Origin shows (a page served over plain http on a
 * developer's machine could not keep a Secure cookie).
 */
export async function isHttpsRequest(): Promise<boolean> {
  if (getEnv().SITE_URL?.startsWith('https:')) return true;
  const h = await headers();
  const origin = h.get('origin');
  if (origin) return origin.startsWith('https:');
  return h.get('x-forwarded-proto') === 'https';
}
