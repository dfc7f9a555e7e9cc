import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once merged: never edit; add a new migration instead.
//
// Numbers (lib/numbers): every figure a structured quantity, compared per measure.
// - claim and evidence gain the rest of a quantity: open-ended ranges (evidence low/high), the
//   measure key (evidence), price year, geography, basis, a note on what it covers, and the
//   figure as written (evidence). Claim quantity_measure now holds a measure key.
// - claim_number (derived): one row per listed numeric claim with its comparison, its deviation as
//   a non-null sort key (-1 when nothing compares), its stored chart SVG and the data behind it.
// - number_conflict (derived): pairs of claims of one measure, overlapping periods, that disagree
//   beyond the tolerance of their dimension; both directions, so each claim reads its own.
// - number_series (derived): one stored chart per measure family (GPT-3/4/5 training cost).

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const sortText = isPostgres(db) ? sql`text collate "C" not null default ''` : sql`text not null default ''`;
  for (const [name, type] of [
    ['quantity_price_year', 'integer'],
    ['quantity_geography', 'text'],
    ['quantity_basis', 'text'],
    ['quantity_note', 'text'],
  ] as const) {
    await db.schema.alterTable('claim').addColumn(name, type).execute();
  }
  for (const [name, type] of [
    ['low', 'double precision'],
    ['high', 'double precision'],
    ['measure', 'text'],
    ['price_year', 'integer'],
    ['geography', 'text'],
    ['basis', 'text'],
    ['figure_text', 'text'],
  ] as const) {
    await db.schema.alterTable('evidence').addColumn(name, type).execute();
  }
  await db.schema.createIndex('claim_quantity_measure_idx').on('claim').columns(['quantity_measure', 'id']).execute();

  await db.schema
    .createTable('claim_number')
    .addColumn('claim_id', 'text', (c) => c.primaryKey().references('claim.id').onDelete('cascade'))
    .addColumn('measure', sortText)
    .addColumn('sort_title', sortText)
    .addColumn('family', 'text')
    .addColumn('deviation_key', 'double precision', (c) => c.notNull())
    .addColumn('figure_count', 'integer', (c) => c.notNull())
    .addColumn('conflict_count', 'integer', (c) => c.notNull())
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('claimed_low', 'double precision')
    .addColumn('claimed_high', 'double precision')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('chart_svg', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claim_number_deviation_idx').on('claim_number').columns(['deviation_key', 'claim_id']).execute();
  await db.schema.createIndex('claim_number_title_idx').on('claim_number').columns(['sort_title', 'claim_id']).execute();
  await db.schema.createIndex('claim_number_measure_idx').on('claim_number').columns(['measure', 'claim_id']).execute();
  await db.schema.createIndex('claim_number_family_idx').on('claim_number').columns(['family', 'claim_id']).execute();
  await db.schema.createIndex('claim_number_conflicts_idx').on('claim_number').columns(['conflict_count', 'claim_id']).execute();

  await db.schema
    .createTable('number_conflict')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('other_claim_id', 'text', (c) => c.notNull().references('claim.id').onDelete('cascade'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_conflict_pk', ['claim_id', 'other_claim_id'])
    .execute();
  await db.schema.createIndex('number_conflict_measure_idx').on('number_conflict').columns(['measure']).execute();

  await db.schema
    .createTable('number_series')
    .addColumn('family', 'text', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('chart_svg', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['number_series', 'number_conflict', 'claim_number']) await db.schema.dropTable(table).ifExists().execute();
  await db.schema.dropIndex('claim_quantity_measure_idx').ifExists().execute();
  for (const c of ['figure_text', 'basis', 'geography', 'price_year', 'measure', 'high', 'low']) await db.schema.alterTable('evidence').dropColumn(c).execute();
  for (const c of ['quantity_note', 'quantity_basis', 'quantity_geography', 'quantity_price_year']) await db.schema.alterTable('claim').dropColumn(c).execute();
}
