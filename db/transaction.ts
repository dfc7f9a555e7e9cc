import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Runs `fn` in a write transaction. On SQLite the transaction is BEGIN IMMEDIATE:
 * it takes the write lock up front, so two processes writing at once queue on
 * busy_timeout instead of one failing with SQLITE_BUSY when a read lock would
 * have to be upgraded. Everything inside commits together or not at all.
 */
export async function withWriteTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
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
