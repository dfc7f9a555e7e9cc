import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Db = Kysely<Database>;

/**
 * The one connection factory. SQLite-specific pragmas live here and nowhere else:
 * WAL lets readers (the site) run while a writer (ingest, API) commits;
 * busy_timeout makes concurrent writers from several processes wait instead of failing;
 * foreign_keys is off by default in SQLite;
 * cache_size: the default 2 MiB page cache is exhausted by one ingest of a large ledger (one
 * transaction touching every index), after which each insert re-reads pages and the commit
 * spills; up to 256 MiB, taken only as pages are used, roughly halved the write phase and cut
 * the commit threefold on a 30,000-claim ingest.
 */
export function createSqliteDb(filename: string, options: { readonly?: boolean } = {}): Db {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true });
  const database = new SQLite(filename, { readonly: options.readonly ?? false });
  if (!options.readonly) database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  database.pragma('cache_size = -262144');
  cachePreparedStatements(database);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query afresh; a write runs the same few dozen statements each time
 * (the revision log, derived state), and preparing them was about a third of a write's time.
 * Statements are kept by their SQL text, least recently used dropped first. SQLite re-prepares
 * a kept statement by itself when a migration changes the schema under it.
 */
function cachePreparedStatements(database: SQLite.Database): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, SQLite.Statement>();
  database.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof database.prepare;
}

// PostgreSQL returns 64-bit integers (count(*), bigint) and numerics as strings; the
// store's values all fit in a double, and every query module expects numbers, as SQLite gives.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function createPostgresDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export type DbTarget = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

export function createDb(target: DbTarget): Db {
  return target.kind === 'sqlite' ? createSqliteDb(target.filename) : createPostgresDb(target.url);
}
