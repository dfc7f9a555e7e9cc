import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The claim file's `summary` (one or two plain sentences saying what the verdict means for this
// claim). Rows inserted before it, or by tools that bypass ingest, read as '' (no summary).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claim').addColumn('summary', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claim').dropColumn('summary').execute();
}
