import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Role } from '../../db/schema';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords';
import { createSecret, hashSecret } from './secrets';
import { clearAccountThrottle } from './sign-in-throttle';

export const ROLES = ['editor', 'admin'] as const satisfies readonly Role[];

export const emailSchema = z.email({ message: 'expected an email address' }).max(254).transform((e) => e.toLowerCase());
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024);

export class AuthError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Who is acting: every write records this. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  via: 'session' | 'token' | 'cli';
}

export interface UserSummary {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

const now = () => new Date().toISOString();

export async function createUser(db: Kysely<Database>, input: { email: string; password: string; role: Role }): Promise<UserSummary> {
  const email = emailSchema.parse(input.email);
  passwordSchema.parse(input.password);
  const existing = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) throw new AuthError('conflict', `a user with email ${email} already exists`);
  const at = now();
  const row = { id: randomUUID(), email, password_hash: await hashPassword(input.password), role: input.role, is_disabled: 0 as const, created_at: at, updated_at: at };
  await db.insertInto('user').values(row).execute();
  return { id: row.id, email, role: row.role, disabled: false, createdAt: at };
}

export async function listUsers(db: Kysely<Database>): Promise<UserSummary[]> {
  const rows = await db.selectFrom('user').select(['id', 'email', 'role', 'is_disabled', 'created_at']).orderBy('email').execute();
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, disabled: r.is_disabled === 1, createdAt: r.created_at }));
}

async function getUserByEmailOrThrow(db: Kysely<Database>, email: string) {
  const row = await db.selectFrom('user').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!row) throw new AuthError('not_found', `no user has email ${email}`);
  return row;
}

export async function setUserRole(db: Kysely<Database>, email: string, role: Role): Promise<void> {
  const user = await getUserByEmailOrThrow(db, email);
  await db.updateTable('user').set({ role, updated_at: now() }).where('id', '=', user.id).execute();
}

/** Lists an editor on /about under the name they chose, or (null) takes them off the list. */
export async function setUserPublicName(db: Kysely<Database>, email: string, name: string | null): Promise<void> {
  const user = await getUserByEmailOrThrow(db, email);
  const clean = name === null ? null : name.trim();
  if (clean !== null && (clean.length === 0 || clean.length > 120)) throw new AuthError('invalid', 'a public name is 1–120 characters');
  await db.updateTable('user').set({ public_name: clean, updated_at: now() }).where('id', '=', user.id).execute();
}

/** Disabling ends the user's sessions; their tokens stop working at once (checked on every request). */
export async function disableUser(db: Kysely<Database>, email: string): Promise<void> {
  const user = await getUserByEmailOrThrow(db, email);
  await db.updateTable('user').set({ is_disabled: 1, updated_at: now() }).where('id', '=', user.id).execute();
  await db.deleteFrom('session').where('user_id', '=', user.id).execute();
}

export async function enableUser(db: Kysely<Database>, email: string): Promise<void> {
  const user = await getUserByEmailOrThrow(db, email);
  await db.updateTable('user').set({ is_disabled: 0, updated_at: now() }).where('id', '=', user.id).execute();
}

export async function resetPassword(db: Kysely<Database>, email: string, password: string): Promise<void> {
  passwordSchema.parse(password);
  const user = await getUserByEmailOrThrow(db, email);
  await db.updateTable('user').set({ password_hash: await hashPassword(password), updated_at: now() }).where('id', '=', user.id).execute();
  await db.deleteFrom('session').where('user_id', '=', user.id).execute();
  // A reset is how an owner gets back in: it ends any sign-in lock on the account.
  await clearAccountThrottle(db, user.email);
}

/** The CLI acts as a named editor (`--as <email>`): the same record of who acted as the site keeps. */
export async function getActorByEmailOrThrow(db: Kysely<Database>, email: string): Promise<Actor> {
  const user = await getUserByEmailOrThrow(db, email);
  if (user.is_disabled) throw new AuthError('invalid', `user ${user.email} is disabled`);
  return { userId: user.id, email: user.email, role: user.role, via: 'cli' };
}

// ---- personal API tokens ----

export interface TokenSummary {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const TOKEN_TOUCH_MS = 60_000;

/** Returns the token once; only its hash is stored. */
export async function createApiToken(db: Kysely<Database>, email: string, name = 'default'): Promise<{ id: string; token: string }> {
  const user = await getUserByEmailOrThrow(db, email);
  const token = createSecret('clt');
  const id = `tok_${randomUUID().slice(0, 8)}`;
  await db.insertInto('api_token').values({ id, user_id: user.id, name, token_hash: hashSecret(token), created_at: now(), last_used_at: null, revoked_at: null }).execute();
  return { id, token };
}

export async function listApiTokens(db: Kysely<Database>, email?: string): Promise<TokenSummary[]> {
  let q = db
    .selectFrom('api_token')
    .innerJoin('user', 'user.id', 'api_token.user_id')
    .select(['api_token.id', 'user.email', 'api_token.name', 'api_token.created_at', 'api_token.last_used_at', 'api_token.revoked_at'])
    .orderBy('api_token.created_at');
  if (email) q = q.where('user.email', '=', email.toLowerCase());
  return (await q.execute()).map((r) => ({ id: r.id, email: r.email, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at }));
}

export async function revokeApiToken(db: Kysely<Database>, id: string): Promise<void> {
  const result = await db.updateTable('api_token').set({ revoked_at: now() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AuthError('not_found', `no active token has id ${id}`);
}

export async function authenticateToken(db: Kysely<Database>, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_token')
    .innerJoin('user', 'user.id', 'api_token.user_id')
    .select(['api_token.id as tokenId', 'user.id', 'user.email', 'user.role', 'user.is_disabled', 'api_token.revoked_at', 'api_token.last_used_at'])
    .where('api_token.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.is_disabled) return null;
  // "Last used" to the minute is enough: a write per request would double every API write,
  // and bookkeeping must not fail a request while another process holds the write lock.
  const at = now();
  if (!row.last_used_at || Date.parse(at) - Date.parse(row.last_used_at) > TOKEN_TOUCH_MS) {
    await db
      .updateTable('api_token')
      .set({ last_used_at: at })
      .where('id', '=', row.tokenId)
      .execute()
      .catch((error: unknown) => console.error('could not record the token use', (error as Error).message));
  }
  return { userId: row.id, email: row.email, role: row.role, via: 'token' };
}

// ---- sessions ----


export const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14;

export async function signIn(db: Kysely<Database>, email: string, password: string): Promise<{ sessionToken: string; actor: Actor; expiresAt: string } | null> {
  const row = await db.selectFrom('user').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  // Verify even when the user is unknown, so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, row?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  if (!row || !ok || row.is_disabled) return null;
  const sessionToken = createSecret('cls');
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS).toISOString();
  await db.insertInto('session').values({ id_hash: hashSecret(sessionToken), user_id: row.id, created_at: now(), expires_at: expiresAt }).execute();
  return { sessionToken, actor: { userId: row.id, email: row.email, role: row.role, via: 'session' }, expiresAt };
}

export async function authenticateSession(db: Kysely<Database>, sessionToken: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.user_id')
    .select(['user.id', 'user.email', 'user.role', 'user.is_disabled', 'session.expires_at'])
    .where('session.id_hash', '=', hashSecret(sessionToken))
    .executeTakeFirst();
  if (!row || row.is_disabled || row.expires_at < now()) return null;
  return { userId: row.id, email: row.email, role: row.role, via: 'session' };
}

export async function signOut(db: Kysely<Database>, sessionToken: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', hashSecret(sessionToken)).execute();
}
