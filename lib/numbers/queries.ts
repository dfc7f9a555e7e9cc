import 'server-only';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { COUNT_CAP } from '../history/facet-counts';
import { decodeCursorOrThrow, keysetCondition, readDirection, toKeysetPage, type KeysetPage } from '../shared/keyset';
import { isSlug } from '../shared/vocabulary';
import type { ConflictDetail } from './compare';
import type { ClaimNumbers, NumberConflict, NumberListItem, NumberSeries } from './dto';
import { getMeasure } from './measures';
import { CHART_WIDTH, claimChartHeight, seriesChartHeight } from './chart-size';
import { describeFigure } from './parse';

/**
 * Reads of the stored numbers (lib/numbers/refresh.ts keeps them): a claim's block, its
 * contradictions (a bounded page), its family's series, the /numbers list in keyset pages.
 */

type Db = Kysely<Database>;

/** At most this many possible contradictions are listed on a claim (the count says how many there are). */
export const CLAIM_CONFLICTS_SHOWN = 20;

export interface ClaimNumbersBlock extends ClaimNumbers {
  conflicts: NumberConflict[];
  conflictCount: number;
  series: { family: string; members: string[]; claims: { id: string; member: string; claimed: string }[]; truncated: boolean } | null;
  chartUrl: string;
  chartSize: { width: number; height: number };
  seriesChartSize: { width: number; height: number } | null;
  seriesChartUrl: string | null;
  csvUrl: string;
  metadataUrl: string;
}

export async function getClaimNumbers(db: Db, claimId: string): Promise<ClaimNumbersBlock | null> {
  if (!isSlug(claimId)) return null;
  const row = await db.selectFrom('claim_number').select(['data', 'family', 'conflict_count']).where('claim_id', '=', claimId).executeTakeFirst();
  if (!row) return null;
  const numbers = JSON.parse(row.data) as ClaimNumbers;
  const conflicts = await db
    .selectFrom('number_conflict as x')
    .innerJoin('claim as c', 'c.id', 'x.other_claim_id')
    .select(['x.other_claim_id', 'x.detail', 'c.title'])
    .where('x.claim_id', '=', claimId)
    .orderBy('x.other_claim_id')
    .limit(CLAIM_CONFLICTS_SHOWN)
    .execute();
  let series: ClaimNumbersBlock['series'] = null;
  if (row.family) {
    const s = await db.selectFrom('number_series').select('data').where('family', '=', row.family).executeTakeFirst();
    if (s) {
      const data = JSON.parse(s.data) as NumberSeries;
      const claims = new Map<string, { id: string; member: string; claimed: string }>();
      for (const p of data.points) if (p.kind === 'claimed') claims.set(p.claimId, { id: p.claimId, member: p.member, claimed: describeFigure({ ...p.interval, value: p.interval.low === p.interval.high ? p.interval.low : null, unit: data.unit as never }) });
      series = { family: data.family, members: data.members, claims: [...claims.values()], truncated: data.truncated };
    }
  }
  return {
    ...numbers,
    conflicts: conflicts.map((c) => ({ claimId: c.other_claim_id, title: c.title, detail: JSON.parse(c.detail) as ConflictDetail })),
    conflictCount: row.conflict_count,
    series,
    chartUrl: `/claims/${claimId}/numbers.svg`,
    chartSize: { width: CHART_WIDTH, height: claimChartHeight(numbers.comparisons.length) },
    seriesChartSize: series ? { width: CHART_WIDTH, height: seriesChartHeight(series.members.length) } : null,
    seriesChartUrl: series ? `/numbers/series/${series.family}.svg` : null,
    csvUrl: `/claims/${claimId}/numbers.csv`,
    metadataUrl: `/claims/${claimId}/numbers.json`,
  };
}

export async function getClaimChartSvg(db: Db, claimId: string): Promise<string | null> {
  if (!isSlug(claimId)) return null;
  return (await db.selectFrom('claim_number').select('chart_svg').where('claim_id', '=', claimId).executeTakeFirst())?.chart_svg ?? null;
}

export async function getSeriesChartSvg(db: Db, family: string): Promise<string | null> {
  if (!/^[a-z0-9-]{1,120}$/.test(family)) return null;
  return (await db.selectFrom('number_series').select('chart_svg').where('family', '=', family).executeTakeFirst())?.chart_svg ?? null;
}

export const NUMBER_SORTS = ['deviation', 'title', 'measure', 'conflicts'] as const;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const numberListQuerySchema = z.strictObject({
  sort: z.preprocess(emptyToUndefined, z.enum(NUMBER_SORTS).default('deviation')),
  dir: z.preprocess(emptyToUndefined, z.enum(['asc', 'desc']).optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(1024).optional()),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type NumberListQuery = z.infer<typeof numberListQuerySchema>;

const SORT_COLUMNS: Record<(typeof NUMBER_SORTS)[number], string[]> = {
  deviation: ['n.deviation_key', 'n.claim_id'],
  title: ['n.sort_title', 'n.claim_id'],
  measure: ['n.measure', 'n.claim_id'],
  conflicts: ['n.conflict_count', 'n.claim_id'],
};

/**
 * Every numeric claim with its deviation, a keyset page at a time over an index per order
 * (largest deviation first by default; claims nothing compares with sort last). The total is
 * counted through the primary key up to COUNT_CAP.
 */
export async function listNumbers(db: Db, query: Partial<NumberListQuery> = {}): Promise<KeysetPage<NumberListItem>> {
  const q = numberListQuerySchema.parse(query);
  const ascending = (q.dir ?? (q.sort === 'deviation' || q.sort === 'conflicts' ? 'desc' : 'asc')) === 'asc';
  const columns = SORT_COLUMNS[q.sort];
  const order = `${q.sort}:${ascending ? 'asc' : 'desc'}`;
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, order) : null;
  const direction = readDirection(ascending, cursor);
  let rows = db
    .selectFrom('claim_number as n')
    .innerJoin('claim as c', 'c.id', 'n.claim_id')
    .select(['n.claim_id', 'n.measure', 'n.sort_title', 'n.deviation_key', 'n.conflict_count', 'n.figure_count', 'n.summary', 'n.claimed_low', 'n.claimed_high', 'c.title', 'c.quantity_unit', 'c.quantity_value'])
    .where((eb) => keysetCondition(eb, columns, cursor, ascending));
  for (const c of columns) rows = rows.orderBy(c as never, direction);
  const found = await rows.limit(q.pageSize + 1).execute();
  const capped = db.selectFrom('claim_number').select('claim_id').limit(COUNT_CAP + 1);
  const n = Number((await db.selectFrom(capped.as('capped')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return toKeysetPage(found, {
    pageSize: q.pageSize,
    cursor,
    order,
    keyOf: (r) => (q.sort === 'deviation' ? [r.deviation_key, r.claim_id] : q.sort === 'title' ? [r.sort_title, r.claim_id] : q.sort === 'measure' ? [r.measure, r.claim_id] : [r.conflict_count, r.claim_id]),
    map: (r): NumberListItem => {
      const data = { value: r.quantity_value, low: r.claimed_low, high: r.claimed_high, unit: (r.quantity_unit ?? 'count') as never };
      return {
        claimId: r.claim_id,
        title: r.title,
        measure: r.measure,
        measureLabel: getMeasure(r.measure)?.label ?? r.measure,
        claimed: describeFigure(r.quantity_value !== null ? { value: r.quantity_value, unit: data.unit } : data),
        summary: r.summary,
        deviation: r.deviation_key < 0 ? null : 10 ** r.deviation_key,
        figureCount: r.figure_count,
        conflictCount: r.conflict_count,
      };
    },
    total: Math.min(n, COUNT_CAP),
    totalIsLowerBound: n > COUNT_CAP,
  });
}

/** The data behind a claim's chart, one row per figure, in the shape of Our World in Data's chart downloads. */
export function toNumbersCsv(n: ClaimNumbers): string {
  const header = ['claim_id', 'role', 'source_id', 'source_title', 'stance', 'measure', 'relation', 'value', 'low', 'high', 'unit', 'as_of', 'price_year', 'basis', 'position', 'ratio_low', 'ratio_high', 'note'];
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    // A cell that a spreadsheet would run as a formula is quoted and prefixed: data, never code.
    const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const c = n.claimed;
  const rows: unknown[][] = [[n.claimId, 'claimed', '', '', '', c.measure, 'same', c.value, c.low, c.high, c.unit, c.asOf, c.priceYear, c.basis, '', '', '', c.note]];
  for (const x of n.comparisons) {
    const q = x.quantity;
    rows.push([n.claimId, 'evidence', x.sourceId, x.sourceTitle, x.stance, q.measure, x.relation, q.value, q.low, q.high, q.unit, q.asOf, q.priceYear, q.basis, x.position, x.ratio?.low ?? null, x.ratio?.high ?? null, [x.caveat, x.moneyNote].filter(Boolean).join('; ')]);
  }
  return `${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The metadata JSON beside the CSV: what each column means, the measure, units, sources and their licences. */
export async function getNumbersMetadata(db: Db, n: ClaimNumbers, origin: string) {
  const ids = n.sources.map((s) => s.id);
  const sources = ids.length ? await db.selectFrom('source').select(['id', 'title', 'url', 'publisher', 'published', 'licence']).where('id', 'in', ids).orderBy('id').execute() : [];
  return {
    title: `${n.measure.label}: claimed against evidence`,
    claim: { id: n.claimId, title: n.title, url: `${origin}/claims/${n.claimId}` },
    measure: n.measure,
    unit: n.claimed.unit,
    summary: n.summary,
    csv: `${origin}/claims/${n.claimId}/numbers.csv`,
    chart: `${origin}/claims/${n.claimId}/numbers.svg`,
    columns: {
      role: 'claimed: the claim\'s own figure; evidence: a figure an evidence entry states',
      relation: 'same: a figure of the claim\'s measure; related: of a narrower or related measure (see note)',
      'value, low, high': 'the figure: one value, or a range whose empty end is open',
      position: 'where the claimed figure lies against this one: matches, inside, contains, overlaps, above or below',
      'ratio_low, ratio_high': 'claimed ÷ this figure, as an interval (empty: unbounded)',
      price_year: 'the year of the money, for nominal currency figures; empty: the year of as_of',
    },
    conversions: 'None applied: money in another currency is not compared, and money of another price year is compared as nominal (noted per row).',
    sources: sources.map((s) => ({ id: s.id, title: s.title, url: s.url, publisher: s.publisher, published: s.published, licence: s.licence })),
    licence: 'The figures are facts reported by the sources named; each source\'s own text keeps its licence.',
  };
}
