import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// A write's derived-state refresh tallies the claim's current evidence per source and stance
// (counts, newest dates). Covering those columns, the tally reads the index alone, not every
// entry's row with its excerpt: a write to a claim with thousands of entries stays cheap.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('evidence_claim_tally_idx')
    .on('evidence')
    .columns(['claim_id', 'status', 'retracted_at', 'source_id', 'stance', 'as_of', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evidence_claim_tally_idx').execute();
}
