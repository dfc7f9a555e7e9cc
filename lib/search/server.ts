import 'server-only';
import { getDb } from '../db';
import { getDatabaseTarget } from '../env';
import { createSearchService, type SearchService } from './service';
import { snapshotPathFor } from './snapshot';

/**
 * The server's search service: one per process (a globalThis slot survives dev-mode module
 * reloads, as lib/db.ts does). Call warmSearchIndex() from instrumentation.ts so that the
 * index loads when the server starts rather than at the first search.
 */
const globalForSearch = globalThis as unknown as { claimLedgerSearch?: Promise<SearchService> };

export function getSearchService(): Promise<SearchService> {
  globalForSearch.claimLedgerSearch ??= (async () => {
    const db = await getDb();
    const target = getDatabaseTarget();
    return createSearchService(db, { snapshotFile: target.kind === 'sqlite' ? snapshotPathFor(target.filename) : null });
  })();
  return globalForSearch.claimLedgerSearch;
}

export async function warmSearchIndex(): Promise<void> {
  const service = await getSearchService();
  await service.warm();
}
