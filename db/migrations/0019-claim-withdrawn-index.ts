import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Every ingest reads which claims are withdrawn (what the folder no longer defines is). Without
// an index, that read walks the claim table with every body and tree in it: at 100,000 claims a
// gigabyte, most of an ingest of one file. A partial index holds the withdrawn claims alone; an
// index of every claim's flag would be taken by the planner for the lists' queries too, which
// filter on it, and cost them their ordered index reads.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('claim_withdrawn_idx').on('claim').columns(['id', 'is_withdrawn']).where(sql.ref('is_withdrawn'), '=', 1).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claim_withdrawn_idx').execute();
}
