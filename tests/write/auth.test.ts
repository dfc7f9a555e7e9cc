import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import {
  authenticateSession, authenticateToken, createApiToken, createUser, disableUser, listApiTokens, listUsers,
  resetPassword, revokeApiToken, setUserRole, signIn, signOut,
} from '../../lib/auth/users';
import { arxivDoi, identityKeys, normaliseUrlKey } from '../../lib/sources/identity';
import { EDITOR_EMAIL, EDITOR_PASSWORD, createEditor } from '../helpers/actors';
import { createTestDb } from '../helpers/test-db';

describe('accounts, sessions and tokens', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ db, cleanup } = await createTestDb()));
  afterEach(() => cleanup());

  it('stores only a scrypt hash of the password and signs in with the right one', async () => {
    await createEditor(db);
    const row = await db.selectFrom('user').selectAll().executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(EDITOR_PASSWORD);
    expect(await signIn(db, EDITOR_EMAIL, 'wrong password here')).toBeNull();
    const session = await signIn(db, 'Editor@Example.org', EDITOR_PASSWORD);
    expect(session?.actor).toMatchObject({ email: EDITOR_EMAIL, role: 'editor', via: 'session' });
    expect(await authenticateSession(db, session!.sessionToken)).toMatchObject({ email: EDITOR_EMAIL });
    const stored = await db.selectFrom('session').select('id_hash').execute();
    expect(stored[0]?.id_hash).not.toBe(session!.sessionToken);
    await signOut(db, session!.sessionToken);
    expect(await authenticateSession(db, session!.sessionToken)).toBeNull();
  });

  it('refuses a second account with the same email and a short password', async () => {
    await createEditor(db);
    await expect(createUser(db, { email: EDITOR_EMAIL.toUpperCase(), password: EDITOR_PASSWORD, role: 'admin' })).rejects.toThrow(/already exists/);
    await expect(createUser(db, { email: 'b@example.org', password: 'short', role: 'editor' })).rejects.toThrow(/at least 12/);
  });

  it('prints a token once, stores its hash, and stops accepting it when revoked or the user is disabled', async () => {
    await createEditor(db);
    const { id, token } = await createApiToken(db, EDITOR_EMAIL, 'laptop');
    expect(token).toMatch(/^clt_/);
    expect(JSON.stringify(await db.selectFrom('api_token').selectAll().execute())).not.toContain(token);
    expect(await authenticateToken(db, token)).toMatchObject({ email: EDITOR_EMAIL, via: 'token' });
    expect((await listApiTokens(db, EDITOR_EMAIL))[0]).toMatchObject({ id, name: 'laptop', revokedAt: null });
    await revokeApiToken(db, id);
    expect(await authenticateToken(db, token)).toBeNull();

    const second = await createApiToken(db, EDITOR_EMAIL);
    await disableUser(db, EDITOR_EMAIL);
    expect(await authenticateToken(db, second.token)).toBeNull();
    expect(await signIn(db, EDITOR_EMAIL, EDITOR_PASSWORD)).toBeNull();
  });

  it('changes roles and resets passwords, ending existing sessions', async () => {
    await createEditor(db);
    const session = await signIn(db, EDITOR_EMAIL, EDITOR_PASSWORD);
    await setUserRole(db, EDITOR_EMAIL, 'admin');
    expect((await listUsers(db))[0]).toMatchObject({ email: EDITOR_EMAIL, role: 'admin', disabled: false });
    await resetPassword(db, EDITOR_EMAIL, 'another long passphrase');
    expect(await authenticateSession(db, session!.sessionToken)).toBeNull();
    expect(await signIn(db, EDITOR_EMAIL, 'another long passphrase')).not.toBeNull();
  });
});

describe('source identity', () => {
  it('treats scheme, www, trailing slash, tracking parameters and fragments as the same URL', () => {
    const key = normaliseUrlKey('https://www.itpro.com/technology/ai/large-enterprises/');
    expect(normaliseUrlKey('http://itpro.com/technology/ai/large-enterprises?utm_source=x&utm_medium=y#section')).toBe(key);
    expect(normaliseUrlKey('https://itpro.com/technology/ai/other')).not.toBe(key);
    expect(normaliseUrlKey('javascript:alert(1)')).toBeNull();
  });

  it('matches a DOI however it is written, and arXiv abs/html/pdf links as one paper', () => {
    expect(identityKeys({ url: 'https://doi.org/10.1000/XYZ.123' })).toContain('doi:10.1000/xyz.123');
    expect(identityKeys({ url: null, doi: '10.1000/xyz.123' })).toContain('doi:10.1000/xyz.123');
    expect(arxivDoi('https://arxiv.org/html/2412.14161v2')).toBe(arxivDoi('https://arxiv.org/abs/2412.14161'));
  });
});
