import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Rate-limit windows are stored in epoch milliseconds (about 1.8e12): more than PostgreSQL's
// 32-bit integer holds. SQLite's INTEGER is already 64-bit, so only PostgreSQL changes.

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table rate_limit alter column window_start type bigint`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`delete from rate_limit`.execute(db);
    await sql`alter table rate_limit alter column window_start type integer`.execute(db);
  }
}
