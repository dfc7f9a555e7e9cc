import type { Kysely } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('is_disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  // Review of proposals: who proposed (a hashed client key, never the raw address), who decided, and why.
  await db.schema.alterTable('evidence').addColumn('proposed_by', 'text').execute();
  await db.schema.alterTable('evidence').addColumn('reviewed_by', 'text').execute();
  await db.schema.alterTable('evidence').addColumn('reviewed_at', 'text').execute();
  await db.schema.alterTable('evidence').addColumn('review_reason', 'text').execute();
  await db.schema.createIndex('evidence_status_idx').on('evidence').column('status').execute();
  // A source created inline by an anonymous proposal stays 'pending' (unlisted) until an editor accepts it.
  await db.schema.alterTable('source').addColumn('status', 'text', (c) => c.notNull().defaultTo('accepted')).execute();

  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_pk', ['key', 'window_start'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit').ifExists().execute();
  await db.schema.alterTable('source').dropColumn('status').execute();
  await db.schema.dropIndex('evidence_status_idx').ifExists().execute();
  for (const column of ['review_reason', 'reviewed_at', 'reviewed_by', 'proposed_by']) {
    await db.schema.alterTable('evidence').dropColumn(column).execute();
  }
  await db.schema.dropTable('api_token').ifExists().execute();
  await db.schema.dropTable('session').ifExists().execute();
  await db.schema.dropTable('user').ifExists().execute();
}
