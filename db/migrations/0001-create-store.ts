import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
// Migrations take Kysely<any> on purpose: they describe the schema as it was then.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable('claim')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('original_lang', 'text', (c) => c.notNull())
    .addColumn('original_text', 'text', (c) => c.notNull())
    .addColumn('original_translation', 'text', (c) => c.notNull())
    .addColumn('claimant', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('verdict_date', 'text', (c) => c.notNull())
    .addColumn('quantity_value', 'double precision')
    .addColumn('quantity_low', 'double precision')
    .addColumn('quantity_high', 'double precision')
    .addColumn('quantity_unit', 'text')
    .addColumn('quantity_measure', 'text')
    .addColumn('quantity_as_of', 'text')
    .addColumn('body_mdx', 'text', (c) => c.notNull())
    .addColumn('body_tree', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('is_withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn_at', 'text')
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('claim_topic')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_topic_pk', ['claim_id', 'topic'])
    .execute();
  await db.schema.createIndex('claim_topic_topic_idx').on('claim_topic').column('topic').execute();

  await db.schema
    .createTable('source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text')
    .addColumn('authors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published', 'text')
    .addColumn('url', 'text')
    .addColumn('copies', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('accessed', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('reliability_reason', 'text', (c) => c.notNull())
    .addColumn('is_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cites', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('merged_into', 'text', (c) => c.references('source.id'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('seed_hash', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('source_url_idx').on('source').column('url').execute();

  await db.schema
    .createTable('claim_appearance')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('date', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('claim_appearance_pk', ['claim_id', 'position'])
    .execute();
  await db.schema.createIndex('claim_appearance_source_idx').on('claim_appearance').column('source_id').execute();

  await db.schema
    .createTable('appearance_cite')
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('cited_source_id', 'text', (c) => c.notNull().references('source.id'))
    .addPrimaryKeyConstraint('appearance_cite_pk', ['claim_id', 'position', 'cited_source_id'])
    .addForeignKeyConstraint('appearance_cite_appearance_fk', ['claim_id', 'position'], 'claim_appearance', ['claim_id', 'position'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('appearance_cite_cited_idx').on('appearance_cite').column('cited_source_id').execute();

  await db.schema
    .createTable('claim_link')
    .addColumn('from_claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('to_claim_id', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_link_pk', ['from_claim_id', 'to_claim_id', 'relation'])
    .execute();
  await db.schema.createIndex('claim_link_to_idx').on('claim_link').column('to_claim_id').execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('translation', 'text')
    .addColumn('locator', 'text')
    .addColumn('value', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('as_of', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('accepted'))
    .addColumn('retracted_at', 'text')
    .addColumn('retracted_reason', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('seed_hash', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_claim_idx').on('evidence').column('claim_id').execute();
  await db.schema.createIndex('evidence_source_idx').on('evidence').column('source_id').execute();

  await db.schema
    .createTable('confidence_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id'))
    .addColumn('confidence', 'double precision')
    .addColumn('verdict', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('seed_hash', 'text')
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('confidence_note_claim_idx').on('confidence_note').columns(['claim_id', 'created_at']).execute();

  await db.schema
    .createTable('revision')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('revision_entity_idx').on('revision').columns(['entity_type', 'entity_id']).execute();

  await db.schema
    .createTable('ingest_run')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('added', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('withdrawn', 'integer', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('data_version').values({ id: 1, version: 0, changed_at: new Date(0).toISOString() }).execute();

  // The revision log is append-only: the database itself refuses edits and deletes.
  if (pg) {
    await sql`CREATE FUNCTION revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'revision is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER revision_no_update BEFORE UPDATE OR DELETE ON revision
      FOR EACH ROW EXECUTE FUNCTION revision_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER revision_no_update BEFORE UPDATE ON revision
      BEGIN SELECT RAISE(ABORT, 'revision is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER revision_no_delete BEFORE DELETE ON revision
      BEGIN SELECT RAISE(ABORT, 'revision is append-only'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  if (pg) {
    await sql`DROP TRIGGER IF EXISTS revision_no_update ON revision`.execute(db);
    await sql`DROP FUNCTION IF EXISTS revision_append_only()`.execute(db);
  }
  for (const table of [
    'data_version',
    'ingest_run',
    'revision',
    'confidence_note',
    'evidence',
    'claim_link',
    'appearance_cite',
    'claim_appearance',
    'source',
    'claim_topic',
    'claim',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
