import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Each claims folder as the last ingest left it, in one value: every file's name, size, mtime
// and claim id (lib/claims/folder-snapshot.ts). An incremental check reads this one row instead
// of the file index's row for each of 100,000 files; the content hashes stay in ingest_file.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('ingest_folder')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('snapshot', pg ? sql`bytea` : 'blob', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('ingest_folder').execute();
}
