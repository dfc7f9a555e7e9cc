import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
//
// The ledger at 100,000 claims. Pages must not scan claims, evidence or revisions per request,
// so what a list shows and sorts by is kept on the rows (derived state, refreshed in the write
// transaction by lib/history/revision-kernel.ts), and every list has an index that serves its
// order, so keyset pagination reads one page whatever its depth.
//
// Sort keys are non-null and ascending-only: a descending list walks the same index backwards,
// and a row-value comparison `(key, id) > (?, ?)` seeks straight to a cursor on both engines.
// Text sort keys use the "C" collation on PostgreSQL, so that both engines order by code point.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const sortText = pg ? sql`text collate "C" not null default ''` : sql`text not null default ''`;
  const addColumns = async (table: string, columns: [string, ReturnType<typeof sql>][]) => {
    for (const [name, type] of columns) await sql`alter table ${sql.table(table)} add column ${sql.ref(name)} ${type}`.execute(db);
  };

  // --- claims: a revision number (claims join the revision log) and their derived state.
  await addColumns('claim', [
    ['revision', sql`integer not null default 1`],
    // 1 while the claim is shown in lists, counts and search (not withdrawn).
    ['listed', sql`integer not null default 1`],
    ['sort_title', sortText],
    ['current_verdict', sql`text not null default 'unverifiable'`],
    ['current_verdict_date', sql`text not null default ''`],
    ['current_verdict_origin', sql`text not null default 'file'`],
    ['current_confidence', sql`double precision`],
    ['confidence_band', sql`text not null default 'none'`],
    // Confidence as two non-null keys so that claims without a figure sort last either way.
    ['confidence_asc_key', sql`double precision not null default 9`],
    ['confidence_desc_key', sql`double precision not null default -9`],
    ['last_reviewed', sql`text not null default ''`],
    ['needs_review', sql`integer not null default 0`],
    ['evidence_count', sql`integer not null default 0`],
    // The aggregate buckets (facet_count) this claim is counted in, so a refresh can move it.
    ['facets', sql`text not null default '[]'`],
  ]);
  await addColumns('claim_topic', [
    ['listed', sql`integer not null default 1`],
    ['sort_title', sortText],
  ]);
  await addColumns('source', [
    ['listed', sql`integer not null default 1`],
    ['sort_title', sortText],
    // Undated sources: '' sorts after every date when a list walks it newest first.
    ['published_key', sortText],
    ['claim_count', sql`integer not null default 0`],
    ['evidence_count', sql`integer not null default 0`],
    // -(claims + evidence): "most used first" as an ascending key.
    ['use_rank', sql`integer not null default 0`],
    ['facets', sql`text not null default '[]'`],
  ]);

  const index = (name: string, table: string, columns: string[]) =>
    db.schema.createIndex(name).on(table).columns(columns).execute();
  await index('claim_list_title_idx', 'claim', ['listed', 'sort_title', 'id']);
  await index('claim_list_conf_asc_idx', 'claim', ['listed', 'confidence_asc_key', 'id']);
  await index('claim_list_conf_desc_idx', 'claim', ['listed', 'confidence_desc_key', 'id']);
  await index('claim_list_verdict_date_idx', 'claim', ['listed', 'current_verdict_date', 'id']);
  await index('claim_list_verdict_idx', 'claim', ['listed', 'current_verdict', 'sort_title', 'id']);
  await index('claim_list_claimant_idx', 'claim', ['listed', 'claimant', 'sort_title', 'id']);
  await index('claim_list_band_idx', 'claim', ['listed', 'confidence_band', 'sort_title', 'id']);
  await index('claim_list_review_idx', 'claim', ['listed', 'needs_review', 'current_verdict_date', 'id']);
  await index('claim_topic_list_idx', 'claim_topic', ['topic', 'listed', 'sort_title', 'claim_id']);
  await index('source_list_use_idx', 'source', ['listed', 'use_rank', 'sort_title', 'id']);
  await index('source_list_title_idx', 'source', ['listed', 'sort_title', 'id']);
  await index('source_list_date_idx', 'source', ['listed', 'published_key', 'id']);
  await index('source_list_type_idx', 'source', ['listed', 'type', 'use_rank', 'sort_title', 'id']);
  await index('source_list_grade_idx', 'source', ['listed', 'reliability', 'use_rank', 'sort_title', 'id']);
  await index('evidence_claim_list_idx', 'evidence', ['claim_id', 'status', 'created_at', 'id']);
  await index('evidence_source_list_idx', 'evidence', ['source_id', 'status', 'created_at', 'id']);
  await index('evidence_queue_idx', 'evidence', ['status', 'created_at', 'id']);
  await index('confidence_note_list_idx', 'confidence_note', ['claim_id', 'created_at', 'id']);

  // Which current claims rest on which source (made there, cited, or evidence drawn from it):
  // the source page lists it by keyset and counts it by index, instead of a union per request.
  await db.schema
    .createTable('source_claim')
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('sort_title', pg ? sql`text collate "C"` : 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('via_appearance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('via_citation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('evidence_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('source_claim_pk', ['source_id', 'claim_id'])
    .execute();
  await index('source_claim_list_idx', 'source_claim', ['source_id', 'sort_title', 'claim_id']);
  await index('source_claim_claim_idx', 'source_claim', ['claim_id']);

  // A source's own citations as rows (the JSON list on the source stays its editable form).
  await db.schema
    .createTable('source_cite')
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('cited_source_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('source_cite_pk', ['source_id', 'cited_source_id'])
    .execute();
  await index('source_cite_cited_idx', 'source_cite', ['cited_source_id', 'source_id']);

  // Normalised identities (URL, DOI, arXiv id) of every source: duplicate detection by index.
  await db.schema
    .createTable('source_identity')
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('source_identity_pk', ['identity_key', 'source_id'])
    .execute();
  await index('source_identity_source_idx', 'source_identity', ['source_id']);

  // Counts behind filters and breakdowns ("12 misleading", "topic: openai (40)"), moved by the
  // write that changes a claim's bucket.
  await db.schema
    .createTable('facet_count')
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('facet_count_pk', ['facet', 'value'])
    .execute();
  await index('facet_count_rank_idx', 'facet_count', ['facet', 'count', 'value']);

  // What ingest last read from each file: an unchanged file costs a stat, not a parse.
  await db.schema
    .createTable('ingest_file')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mtime_ms', 'double precision', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text')
    .execute();

  // Claims and sources a claim body names (ClaimRef, SourceRef, Quote): incremental checks find
  // the claims a deleted claim or source leaves dangling without reading every file.
  await db.schema
    .createTable('claim_body_ref')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_body_ref_pk', ['claim_id', 'target_kind', 'target_id'])
    .execute();
  await index('claim_body_ref_target_idx', 'claim_body_ref', ['target_kind', 'target_id']);

  // The revision log gains the claim each entry belongs to, so a claim's history (its own
  // revisions, its evidence's and its notes') is one index range, newest first.
  await sql`alter table revision add column claim_id text`.execute(db);
  if (pg) {
    await sql`alter table revision disable trigger revision_no_update`.execute(db);
    await sql`update revision set claim_id = (snapshot::jsonb ->> 'claim_id') where entity_type in ('evidence', 'confidence_note')`.execute(db);
    await sql`alter table revision enable trigger revision_no_update`.execute(db);
  } else {
    // The append-only triggers are lifted for this one backfill of an index column, then restored.
    await sql`drop trigger revision_no_update`.execute(db);
    await sql`update revision set claim_id = json_extract(snapshot, '$.claim_id') where entity_type in ('evidence', 'confidence_note')`.execute(db);
    await sql`create trigger revision_no_update before update on revision begin select raise(abort, 'revision is append-only'); end`.execute(db);
  }
  await index('revision_claim_idx', 'revision', ['claim_id', 'id']);
  await index('revision_entity_id_idx', 'revision', ['entity_type', 'entity_id', 'id']);

  // Derived state is computed by application code (lib/history/derived-state.ts): the store
  // records which version of it the rows hold, and a stale store is rebuilt before first use.
  await db.schema
    .createTable('store_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('store_meta').values({ key: 'derived-state', value: 'stale' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['store_meta', 'claim_body_ref', 'ingest_file', 'facet_count', 'source_identity', 'source_cite', 'source_claim']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  for (const name of [
    'revision_entity_id_idx', 'revision_claim_idx', 'confidence_note_list_idx', 'evidence_queue_idx', 'evidence_source_list_idx',
    'evidence_claim_list_idx', 'source_list_grade_idx', 'source_list_type_idx', 'source_list_date_idx', 'source_list_title_idx',
    'source_list_use_idx', 'claim_topic_list_idx', 'claim_list_review_idx', 'claim_list_band_idx', 'claim_list_claimant_idx',
    'claim_list_verdict_idx', 'claim_list_verdict_date_idx', 'claim_list_conf_desc_idx', 'claim_list_conf_asc_idx', 'claim_list_title_idx',
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
  await db.schema.alterTable('revision').dropColumn('claim_id').execute();
  for (const c of ['facets', 'use_rank', 'evidence_count', 'claim_count', 'published_key', 'sort_title', 'listed']) {
    await db.schema.alterTable('source').dropColumn(c).execute();
  }
  for (const c of ['sort_title', 'listed']) await db.schema.alterTable('claim_topic').dropColumn(c).execute();
  for (const c of [
    'facets', 'evidence_count', 'needs_review', 'last_reviewed', 'confidence_desc_key', 'confidence_asc_key', 'confidence_band',
    'current_confidence', 'current_verdict_origin', 'current_verdict_date', 'current_verdict', 'sort_title', 'listed', 'revision',
  ]) {
    await db.schema.alterTable('claim').dropColumn(c).execute();
  }
}
