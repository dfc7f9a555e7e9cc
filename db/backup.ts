import fs from 'node:fs';
import path from 'node:path';
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * A consistent online copy of the SQLite database while the server keeps running:
 * VACUUM INTO reads one snapshot (WAL readers never block writers) and writes a
 * compact, self-contained file.
 */
export async function backupSqliteOrThrow<DB>(db: Kysely<DB>, target: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    throw new Error('claims backup copies the embedded SQLite database; on PostgreSQL use pg_dump or `claims export`.');
  }
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new Error(`${file} already exists: choose a new file name`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // A backup holds password hashes: only its owner may read it. VACUUM INTO fills an empty
  // file it finds and keeps its mode, so the file is created 0600 first (never readable by others).
  fs.closeSync(fs.openSync(file, 'wx', 0o600));
  try {
    await sql`vacuum into ${file}`.execute(db);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.chmodSync(file, 0o600);
}
