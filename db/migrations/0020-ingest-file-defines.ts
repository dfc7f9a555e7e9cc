import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The ids a seed file defined when it was last read. A check needs only the source ids of an
// unchanged sources file (its citations name sources of the same file, checked when it changed),
// so it takes them from here instead of reading and parsing the whole file again.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ingest_file').addColumn('defines', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ingest_file').dropColumn('defines').execute();
}
