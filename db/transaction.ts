import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { StoreBusyError } from '../lib/shared/errors';
import type { Database } from './schema';

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';
const LOCK_NOT_AVAILABLE = '55P03';
/**
 * How often a writer asks for the lock before it gives up with StoreBusyError (503): each
 * ask waits busy_timeout (db/client.ts) on SQLite, lock_timeout on PostgreSQL. Bounded, so
 * a lock held by a stuck process costs a request seconds, not forever.
 */
export const WRITE_LOCK_ATTEMPTS = 2;
const PG_LOCK_TIMEOUT = '5s';

function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

/**
 * For a single statement written outside withWriteTransaction (a rate-limit count): a lock
 * held past busy_timeout is the same StoreBusyError (503), not an unexplained failure.
 */
export async function withBusyAsUnavailable<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isSqliteBusy(error) || (error as { code?: string })?.code === LOCK_NOT_AVAILABLE) throw new StoreBusyError(1);
    throw error;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Any fixed 64-bit number: the one lock all Claim Ledger writers take. */
const WRITE_LOCK_KEY = 7_468_201;

/**
 * Runs `fn` in a write transaction; everything inside commits together or not at all.
 *
 * SQLite: BEGIN IMMEDIATE takes the write lock up front, so two processes writing at once
 * queue on busy_timeout instead of one failing when a read lock would have to be upgraded.
 * Writers are serialised, so a read-check-write inside `fn` (an If-Match revision check)
 * cannot interleave with another.
 *
 * PostgreSQL: a transaction-scoped advisory lock serialises writers the same way (every
 * write bumps the one data_version row anyway, so they could not run in parallel); a
 * transaction that still loses a race (deadlock, serialization failure) is retried.
 *
 * A writer that cannot get the lock within WRITE_LOCK_ATTEMPTS waits throws StoreBusyError:
 * `fn` has not run, nothing was written, and the caller may simply try again.
 */
export async function withWriteTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(async (trx: Transaction<Database>) => {
          await sql.raw(`set local lock_timeout = '${PG_LOCK_TIMEOUT}'`).execute(trx);
          await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx);
          await sql`set local lock_timeout = 0`.execute(trx);
          return fn(trx);
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === LOCK_NOT_AVAILABLE) {
          if (attempt < WRITE_LOCK_ATTEMPTS) continue;
          throw new StoreBusyError(1);
        }
        if ((code === SERIALIZATION_FAILURE || code === DEADLOCK) && attempt < 8) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
          continue;
        }
        throw error;
      }
    }
  }
  return db.connection().execute(async (conn) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await sql`begin immediate`.execute(conn);
        break;
      } catch (error) {
        if (!isSqliteBusy(error)) throw error;
        if (attempt >= WRITE_LOCK_ATTEMPTS) throw new StoreBusyError(1);
        // Jitter, so writers that gave up together do not ask again together.
        await pause(20 + Math.random() * 80);
      }
    }
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
