import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// The name an editor chose to be listed under on /about. Null (the default) means not listed:
// nobody's name is published unless they asked for it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user').addColumn('public_name', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('user').dropColumn('public_name').execute();
}
