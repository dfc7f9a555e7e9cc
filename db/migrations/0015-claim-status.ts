import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// A claim file's `status`: 'published' or 'draft'. A draft is stored for editors but never
// listed, searched or counted (derived state keeps it unlisted). Rows from before read as published.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claim').addColumn('status', 'text', (c) => c.notNull().defaultTo('published')).execute();
  // The editors' list of drafts (lib/intake/drafts.ts) reads drafts by id without scanning the ledger.
  await db.schema.createIndex('claim_status_idx').on('claim').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claim_status_idx').execute();
  await db.schema.alterTable('claim').dropColumn('status').execute();
}
