import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';

/** A fresh, migrated SQLite database in its own temporary folder (a real file, WAL and all). */
export async function createTestDb(): Promise<{ db: Db; filename: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-ledger-test-'));
  const filename = path.join(dir, 'test.sqlite');
  const db = createSqliteDb(filename);
  await prepareStoreOrThrow(db);
  return {
    db,
    filename,
    dir,
    cleanup: async () => {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function makeTempDir(prefix = 'claim-ledger-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
