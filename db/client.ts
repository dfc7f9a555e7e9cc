import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/**
 * The one connection factory. SQLite-specific pragmas live here and nowhere else:
 * WAL lets readers (the site) run while a writer (ingest, API) commits;
 * busy_timeout makes concurrent writers from several processes wait instead of failing;
 * foreign_keys is off by default in SQLite.
 */
export function createSqliteDb(filename: string, options: { readonly?: boolean } = {}): Db {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true });
  const database = new SQLite(filename, { readonly: options.readonly ?? false });
  if (!options.readonly) database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

export type DbTarget = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

export function createDb(target: DbTarget): Db {
  if (target.kind === 'sqlite') return createSqliteDb(target.filename);
  throw new Error(
    'DATABASE_URL points at PostgreSQL, which this build does not ship a driver for yet. ' +
      'Use DATABASE_URL=file:<path> for the embedded SQLite database.',
  );
}
