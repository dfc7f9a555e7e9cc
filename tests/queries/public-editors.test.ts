import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { listPublicEditors } from '../../lib/about/editors';
import { createUser, disableUser, setUserPublicName } from '../../lib/auth/users';
import { createTestDb } from '../helpers/test-db';

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  for (const email of ['ada@example.org', 'bo@example.org', 'cy@example.org']) {
    await createUser(db, { email, password: 'a long enough password', role: 'editor' });
  }
});
afterAll(async () => cleanup());

describe('named editors on /about', () => {
  it('lists only editors who chose a public name, never their email, and drops disabled accounts', async () => {
    expect(await listPublicEditors(db)).toEqual([]);
    await setUserPublicName(db, 'ada@example.org', '  Ada Lovelace ');
    await setUserPublicName(db, 'cy@example.org', 'Cy Young');
    const listed = await listPublicEditors(db);
    expect(listed.map((e) => [e.name, e.role])).toEqual([
      ['Ada Lovelace', 'editor'],
      ['Cy Young', 'editor'],
    ]);
    expect(JSON.stringify(listed)).not.toContain('@');
    await disableUser(db, 'cy@example.org');
    await setUserPublicName(db, 'ada@example.org', null);
    expect(await listPublicEditors(db)).toEqual([]);
  });

  it('refuses an empty public name', async () => {
    await expect(setUserPublicName(db, 'bo@example.org', '   ')).rejects.toThrow('a public name is 1–120 characters');
  });
});
