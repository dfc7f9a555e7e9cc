import 'server-only';
import { createDb, type Db } from '../db/client';
import { prepareStoreOrThrow } from './history/prepare-store';
import { getDatabaseTarget } from './env';

/**
 * The server's database handle: one per process. Migrations run before the first
 * query, so a server started on a fresh database file works without a separate step.
 */
const globalForDb = globalThis as unknown as { claimLedgerDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  globalForDb.claimLedgerDb ??= (async () => {
    const db = createDb(getDatabaseTarget());
    await prepareStoreOrThrow(db);
    return db;
  })();
  return globalForDb.claimLedgerDb;
}
