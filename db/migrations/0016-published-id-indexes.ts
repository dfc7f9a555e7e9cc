import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Listed claims and sources in id order: the ClaimReview data feed and the sitemaps page through
// them by id, and without these a page would sort every listed row first.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('claim_listed_id_idx').on('claim').columns(['listed', 'id']).execute();
  await db.schema.createIndex('source_listed_id_idx').on('source').columns(['listed', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('source_listed_id_idx').execute();
  await db.schema.dropIndex('claim_listed_id_idx').execute();
}
