import type { Kysely } from 'kysely';
import { migrateToLatestOrThrow } from '../../db/migrator';
import type { Database } from '../../db/schema';
import { withWriteTransaction } from '../../db/transaction';
import { DERIVED_STATE_VERSION, rebuildDerivedState } from './derived-state';
import { bumpDataVersion } from './revisions';

async function readDerivedStateVersion(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('store_meta').select('value').where('key', '=', 'derived-state').executeTakeFirst();
  return row?.value ?? null;
}

/**
 * Makes a store ready for the code that runs on it: pending migrations, then a rebuild of the
 * derived state when the rows hold an older version of it (a migration marks it stale). Every
 * entry point (server, CLI, tests) opens the store through this.
 */
export async function prepareStoreOrThrow(db: Kysely<Database>): Promise<string[]> {
  const applied = await migrateToLatestOrThrow(db);
  if ((await readDerivedStateVersion(db)) !== DERIVED_STATE_VERSION) {
    await withWriteTransaction(db, async (trx) => {
      // Another process may have rebuilt it while this one waited for the write lock.
      if ((await readDerivedStateVersion(trx)) === DERIVED_STATE_VERSION) return;
      await rebuildDerivedState(trx);
      await bumpDataVersion(trx, new Date().toISOString());
    });
  }
  return applied;
}
