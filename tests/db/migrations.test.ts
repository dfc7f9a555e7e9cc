import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { migrateDownOrThrow, migrateToLatestOrThrow } from '../../db/migrator';
import { migrations } from '../../db/migrations';
import { createTestDb } from '../helpers/test-db';

describe('the store', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ db, cleanup } = await createTestDb()));
  afterEach(() => cleanup());

  it('migrates down and up again from the static registry', async () => {
    const names = Object.keys(migrations);
    expect(names.every((n) => /^\d{4}-[a-z0-9-]+$/.test(n))).toBe(true);
    for (const _ of names) await migrateDownOrThrow(db);
    const tables = async () => (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    expect(await tables()).toEqual([]);
    expect(await migrateToLatestOrThrow(db)).toEqual(names);
    expect(await tables()).toContain('revision');
    expect(await migrateToLatestOrThrow(db)).toEqual([]);
  });

  it('runs SQLite with WAL, a busy timeout and foreign keys on', async () => {
    const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const { rows: fk } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    const { rows: busy } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
    expect(journal[0]?.journal_mode).toBe('wal');
    expect(fk[0]?.foreign_keys).toBe(1);
    expect(busy[0]?.timeout).toBeGreaterThanOrEqual(1000);
  });

  it('refuses to edit or delete a revision: the log is append-only', async () => {
    await db
      .insertInto('revision')
      .values({ entity_type: 'source', entity_id: 's', revision: 1, action: 'create', snapshot: '{}', diff: '{}', actor: 'test', reason: null, created_at: '2026-11-28T00:00:00Z' })
      .execute();
    await expect(db.updateTable('revision').set({ actor: 'someone else' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('revision').execute()).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('revision').select('actor').execute()).toEqual([{ actor: 'test' }]);
  });

  it('refuses evidence that points at a claim or source that does not exist', async () => {
    await expect(
      db
        .insertInto('evidence')
        .values({
          id: 'e', claim_id: 'nope', source_id: 'nope', stance: 'supports', target: 'whole', excerpt: 'x', lang: 'en',
          translation: null, locator: null, value: null, unit: null, as_of: null, note: null, status: 'accepted',
          retracted_at: null, retracted_reason: null, origin: 'user', seed_hash: null, revision: 1, author: 'a',
          created_at: 't', updated_at: 't',
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
