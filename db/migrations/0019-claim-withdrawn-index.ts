import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Every ingest reads each claim's id and whether it is withdrawn (what the folder no longer
// defines is withdrawn). Without an index that covers the two, that read walks the claim table
// with every body and tree in it: at 100,000 claims a gigabyte, most of an ingest of one file.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('claim_withdrawn_id_idx').on('claim').columns(['is_withdrawn', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claim_withdrawn_id_idx').execute();
}
