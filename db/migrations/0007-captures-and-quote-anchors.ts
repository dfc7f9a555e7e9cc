import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
//
// Archived copies of sources and the anchors of the quotes taken from them.
// - capture: one archived copy of a source (uploaded, fetched or seeded), a revisioned kind
//   that is insert-only: a new copy is a new row, never an overwrite.
// - capture_content: its raw bytes and extracted text, immutable, kept apart so that revision
//   snapshots and lists never carry megabytes.
// - claim_passage: every verbatim passage of its source a claim file quotes (`original` as a
//   list); the first stays in claim.original_* as the main one.
// - quote_anchor: derived state: where each evidence excerpt and claim passage is in the newest
//   capture of its source, and with what status.
// - source.licence / source.text_public: whether a capture's full text may be shown to readers.
// - claim.quote_problem_count: derived, how many of its quotes are orphaned or only approximate.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable('capture')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('requested_url', 'text')
    .addColumn('final_url', 'text')
    .addColumn('raw_sha256', 'text', (c) => c.notNull())
    .addColumn('raw_size', 'integer', (c) => c.notNull())
    .addColumn('text_sha256', 'text', (c) => c.notNull())
    .addColumn('text_length', 'integer', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('extractor', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('captured_by', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('capture_source_seq_unique', ['source_id', 'seq'])
    .execute();

  await db.schema
    .createTable('capture_content')
    .addColumn('capture_id', 'text', (c) => c.primaryKey().references('capture.id'))
    .addColumn('raw', pg ? sql`bytea` : 'blob', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('claim_passage')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('translation', 'text', (c) => c.notNull())
    .addColumn('locator', 'text')
    .addPrimaryKeyConstraint('claim_passage_pk', ['claim_id', 'position'])
    .execute();

  await db.schema
    .createTable('quote_anchor')
    .addColumn('quote_key', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text')
    .addColumn('passage_position', 'integer')
    // 1 when the quote counts for its claim: a passage of the claim, or standing accepted evidence.
    .addColumn('counts', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('capture_id', 'text')
    .addColumn('captured_at', 'text')
    .addColumn('exact', 'text')
    .addColumn('prefix', 'text')
    .addColumn('suffix', 'text')
    .addColumn('start_pos', 'integer')
    .addColumn('end_pos', 'integer')
    .addColumn('distance', 'integer')
    .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(0))
    // A hash of everything the anchor follows from: an unchanged basis is not recomputed.
    .addColumn('basis', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quote_anchor_claim_idx').on('quote_anchor').columns(['claim_id', 'quote_key']).execute();
  await db.schema.createIndex('quote_anchor_source_idx').on('quote_anchor').columns(['source_id', 'status']).execute();
  await db.schema.createIndex('quote_anchor_problem_idx').on('quote_anchor').columns(['counts', 'status', 'claim_id']).execute();
  await db.schema.createIndex('capture_source_idx').on('capture').columns(['source_id', 'seq']).execute();
  await db.schema.createIndex('evidence_source_claim_idx').on('evidence').columns(['source_id', 'claim_id']).execute();
  await db.schema.createIndex('claim_appearance_first_source_idx').on('claim_appearance').columns(['source_id', 'position', 'claim_id']).execute();

  await sql`alter table source add column licence text`.execute(db);
  await sql`alter table source add column text_public integer not null default 0`.execute(db);
  await sql`alter table claim add column quote_problem_count integer not null default 0`.execute(db);
  await db.schema.createIndex('claim_list_quote_problem_idx').on('claim').columns(['listed', 'quote_problem_count', 'id']).execute();

  // Passages of claims already stored: their main passage, until the next ingest lists them all.
  await sql`insert into claim_passage (claim_id, position, lang, text, translation, locator)
    select id, 0, original_lang, original_text, original_translation, null from claim`.execute(db);

  // The anchors and counts above are derived: rebuild before use.
  await db.updateTable('store_meta').set({ value: 'stale' }).where('key', '=', 'derived-state').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claim_list_quote_problem_idx').ifExists().execute();
  await db.schema.alterTable('claim').dropColumn('quote_problem_count').execute();
  await db.schema.alterTable('source').dropColumn('text_public').execute();
  await db.schema.alterTable('source').dropColumn('licence').execute();
  for (const name of ['claim_appearance_first_source_idx', 'evidence_source_claim_idx', 'capture_source_idx']) await db.schema.dropIndex(name).ifExists().execute();
  for (const table of ['quote_anchor', 'claim_passage', 'capture_content', 'capture']) await db.schema.dropTable(table).ifExists().execute();
}
