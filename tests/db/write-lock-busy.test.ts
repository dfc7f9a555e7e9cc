import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionErrorCode, actionErrorMessage } from '../../app/_lib/action-errors';
import type { Db } from '../../db/client';
import { WRITE_LOCK_ATTEMPTS, withWriteTransaction } from '../../db/transaction';
import { errorState, IDLE } from '../../app/_lib/form-state';
import { StoreBusyError } from '../../lib/shared/errors';
import { createTestDb } from '../helpers/test-db';

// Another process's write lock, held with BEGIN IMMEDIATE on its own connection to the file.
describe('a writer facing a held write lock', () => {
  let db: Db;
  let filename: string;
  let cleanup: () => Promise<void>;
  let holder: SQLite.Database;
  beforeEach(async () => {
    ({ db, filename, cleanup } = await createTestDb());
    // A short wait per attempt keeps the test quick; the server waits busy_timeout (5 s) per attempt.
    await sql`pragma busy_timeout = 150`.execute(db);
    holder = new SQLite(filename);
    holder.exec('begin immediate');
  });
  afterEach(async () => {
    if (holder.inTransaction) holder.exec('rollback');
    holder.close();
    await cleanup();
  });

  const bump = (trx: Db) => trx.updateTable('data_version').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
  const version = async () => (await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow()).version;

  it('gives up after a bounded number of waits with StoreBusyError (503, Retry-After), having run and stored nothing', async () => {
    const before = await version();
    let ran = false;
    const started = Date.now();
    const error = await withWriteTransaction(db, async (trx) => {
      ran = true;
      await bump(trx);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreBusyError);
    expect(error).toMatchObject({ code: 'unavailable', status: 503, details: { retryAfterSeconds: 1 } });
    expect(ran).toBe(false);
    // Every attempt waited its busy_timeout, and there were only so many.
    expect(Date.now() - started).toBeGreaterThanOrEqual(WRITE_LOCK_ATTEMPTS * 150 - 20);
    holder.exec('rollback');
    expect(await version()).toBe(before);
  });

  it('succeeds on the retry when the other writer lets go in between', async () => {
    const before = await version();
    // Due while the first attempt blocks in busy_timeout (the event loop is held), so it runs in
    // the pause before the second attempt: the first wait is spent, the second finds the lock free.
    setTimeout(() => holder.exec('commit'), 100);
    const started = Date.now();
    await withWriteTransaction(db, bump);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await version()).toBe(before + 1);
  });

  it('shows a form the busy message, and a redirecting action its fixed text', () => {
    const state = errorState(IDLE, new StoreBusyError(1), {});
    expect(state).toMatchObject({ status: 'error', message: expect.stringMatching(/busy with another write/) });
    const code = actionErrorCode(new StoreBusyError(1));
    expect(code).toBe('unavailable');
    expect(actionErrorMessage(code)).toMatch(/busy with another write: nothing was saved/);
  });
});
