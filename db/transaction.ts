import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';
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
 */
export async function withWriteTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction().execute(async (trx: Transaction<Database>) => {
          await sql`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`.execute(trx);
          return fn(trx);
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if ((code === SERIALIZATION_FAILURE || code === DEADLOCK) && attempt < 8) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
          continue;
        }
        throw error;
      }
    }
  }
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
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
