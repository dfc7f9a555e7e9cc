import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { VERDICT_SCALE, VERDICTS, type Verdict } from '../shared/vocabulary';

/**
 * Reads the counts that writes keep in facet_count (lib/history/derived-state.ts): how many
 * current claims (or public sources) are in each bucket. One primary-key or index read each.
 */

type Db = Kysely<Database>;

/** Above this, a count over a combination of filters (counted through an index) says "at least". */
export const COUNT_CAP = 1_000;
/** How many facet values a filter form offers (the most used ones, and the one selected). */
const FACET_LIMIT = 60;

export interface FacetValue {
  value: string;
  count: number;
}

/** Reads a count kept in facet_count (0 when nothing is in that bucket). */
export async function readFacetCount(db: Db, facet: string, value: string): Promise<number> {
  const row = await db.selectFrom('facet_count').select('count').where('facet', '=', facet).where('value', '=', value).executeTakeFirst();
  return row?.count ?? 0;
}

/** The most used values of a facet, plus `selected` if it is not among them. */
export async function listFacetValues(db: Db, facet: string, options: { limit?: number; selected?: string } = {}): Promise<FacetValue[]> {
  const rows = await db
    .selectFrom('facet_count')
    .select(['value', 'count'])
    .where('facet', '=', facet)
    // Ties at the cut go by value, descending, so the index (facet, count, value) serves the order.
    .orderBy('count', 'desc')
    .orderBy('value', 'desc')
    .limit(options.limit ?? FACET_LIMIT)
    .execute();
  const values = rows.map((r) => ({ value: r.value, count: r.count }));
  if (options.selected && !values.some((v) => v.value === options.selected)) {
    values.push({ value: options.selected, count: await readFacetCount(db, facet, options.selected) });
  }
  return values.sort((a, b) => a.value.localeCompare(b.value));
}

/** Counts per verdict in scale order (verdicts with none left out), from facet rows. */
export async function countByVerdict(db: Db, facet = 'verdict'): Promise<{ verdict: Verdict; label: string; count: number }[]> {
  const rows = await db.selectFrom('facet_count').select(['value', 'count']).where('facet', '=', facet).execute();
  const counts = new Map(rows.map((r) => [r.value, r.count]));
  return VERDICTS.filter((v) => (counts.get(v) ?? 0) > 0).map((verdict) => ({ verdict, label: VERDICT_SCALE[verdict].label, count: counts.get(verdict)! }));
}

