import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Failed sign-ins, counted in the store so that every server process sees the same counts:
// one row per account ("account:<email>"), per client address ("address:<key>") and per
// browser that signed in before ("device:<hash>", naming its account in `email`).
// Times are epoch milliseconds (bigint: PostgreSQL's integer is 32-bit).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('email', 'text')
    .execute();
  await db.schema.createIndex('sign_in_throttle_window').on('sign_in_throttle').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_throttle').execute();
}
