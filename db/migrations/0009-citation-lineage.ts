import { type Kysely, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
//
// Lineage: citations become data (where the link is made, whether it is stated or inferred and
// by whom), each appearance of a claim records what that source said (its words and figure),
// and the graph of every claim (flags, independence, first appearance) is kept as derived
// state, computed in the write transaction (lib/lineage/refresh.ts), never per request.

export async function up(db: Kysely<any>): Promise<void> {
  const addColumns = async (table: string, columns: [string, ReturnType<typeof sql>][]) => {
    for (const [name, type] of columns) await sql`alter table ${sql.table(table)} add column ${sql.ref(name)} ${type}`.execute(db);
  };
  const citationColumns: [string, ReturnType<typeof sql>][] = [
    ['locator', sql`text`],
    ['basis', sql`text not null default 'stated'`],
    ['inferred_by', sql`text`],
    ['note', sql`text`],
  ];
  // Derived from source.cites (the JSON stays the editable, revisioned form).
  await addColumns('source_cite', citationColumns);
  // From the claim file's appearances.
  await addColumns('appearance_cite', citationColumns);
  await addColumns('claim_appearance', [
    // 1 when the appearance lists what it cited for this claim (even nothing), replacing the source's own citations.
    ['cites_own', sql`integer not null default 0`],
    ['said_lang', sql`text`],
    ['said_text', sql`text`],
    ['said_translation', sql`text`],
    ['figure_value', sql`double precision`],
    ['figure_low', sql`double precision`],
    ['figure_high', sql`double precision`],
    ['figure_unit', sql`text`],
  ]);

  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();

  // One row per claim: its graph (nodes, edges, flags, groups) as JSON, and the counts lists show.
  await db.schema
    .createTable('claim_lineage')
    .addColumn('claim_id', 'text', (c) => c.primaryKey().references('claim.id').onDelete('cascade'))
    .addColumn('source_count', 'integer', (c) => c.notNull())
    .addColumn('independent_count', 'integer', (c) => c.notNull())
    .addColumn('independent_stated_count', 'integer', (c) => c.notNull())
    .addColumn('support_source_count', 'integer', (c) => c.notNull())
    .addColumn('support_independent_count', 'integer', (c) => c.notNull())
    .addColumn('first_source_id', 'text')
    .addColumn('first_date', 'text')
    .addColumn('flag_count', 'integer', (c) => c.notNull())
    .addColumn('graph', 'text', (c) => c.notNull())
    .execute();

  // Every source in a current claim's graph (its appearances and what they rest on, and its
  // evidence's sources with theirs): which claims a citation edit on a source touches, and what
  // rests on a source through others, by index.
  await db.schema
    .createTable('lineage_node')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('source_id', 'text', (c) => c.notNull())
    // 1 when the claim rests on the source directly (an appearance or evidence), 0 only through others.
    .addColumn('direct', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('lineage_node_pk', ['claim_id', 'source_id'])
    .execute();
  await index('lineage_node_source_idx', 'lineage_node', ['source_id', 'direct', 'claim_id']);

  // Each source's upstream (what it derives from, transitively, to a bounded depth).
  await db.schema
    .createTable('source_upstream')
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('upstream_id', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('source_upstream_pk', ['source_id', 'upstream_id'])
    .execute();
  await index('source_upstream_upstream_idx', 'source_upstream', ['upstream_id', 'source_id']);

  // Per source: how many sources and current claims derive from it; roots (sources citing
  // nothing that others derive from) listed most-derived first, keyset-paginated.
  await db.schema
    .createTable('source_lineage')
    .addColumn('source_id', 'text', (c) => c.primaryKey())
    .addColumn('is_root', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('derived_sources', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('derived_claims', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('listed_root', 'integer', (c) => c.notNull().defaultTo(0))
    // Negated counts: "most first" as ascending keys, like the other list keys.
    .addColumn('claims_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sources_key', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await index('source_lineage_roots_idx', 'source_lineage', ['listed_root', 'claims_key', 'sources_key', 'source_id']);

  // The new derived tables are filled by a rebuild before first use.
  await db.updateTable('store_meta').set({ value: 'stale' }).where('key', '=', 'derived-state').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['source_lineage', 'source_upstream', 'lineage_node', 'claim_lineage']) await db.schema.dropTable(table).ifExists().execute();
  for (const c of ['figure_unit', 'figure_high', 'figure_low', 'figure_value', 'said_translation', 'said_text', 'said_lang', 'cites_own']) {
    await db.schema.alterTable('claim_appearance').dropColumn(c).execute();
  }
  for (const table of ['appearance_cite', 'source_cite']) {
    for (const c of ['note', 'inferred_by', 'basis', 'locator']) await db.schema.alterTable(table).dropColumn(c).execute();
  }
}
