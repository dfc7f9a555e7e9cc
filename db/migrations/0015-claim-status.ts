import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// A claim file's `status`: 'published' or 'draft'. A draft is stored for editors but never
// listed, searched or counted (derived state keeps it unlisted). Rows from before read as published.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claim').addColumn('status', 'text', (c) => c.notNull().defaultTo('published')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claim').dropColumn('status').execute();
}
