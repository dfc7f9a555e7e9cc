import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { toSortKey } from '../shared/sort-key';
import { quantityOfClaimRow, quantityOfEvidenceRow, type StoredQuantity } from './columns';
import { compareAll, conflictOf, deviationOf, intervalOf, periodOf, summarize, type EvidenceFigure } from './compare';
import { needsLogScale } from './chart-size';
import type { ClaimNumbers, NumberSeries, SeriesPoint } from './dto';
import { familyMembers, getMeasure } from './measures';

/**
 * Numbers as derived state, refreshed in the write transaction for the claims a write touched:
 * each listed numeric claim's comparison, summary, deviation and chart (claim_number); the
 * possible contradictions among claims of the measures involved (number_conflict); the series
 * charts of their families (number_series). Requests only read these rows.
 *
 * Bounds: a measure's contradictions are checked among at most NUMBER_MEASURE_MAX_CLAIMS claims
 * (by id), a series draws at most NUMBER_SERIES_MAX_CLAIMS claims per family; both say so when cut.
 */

type Db = Kysely<Database>;

export const NUMBER_MEASURE_MAX_CLAIMS = 500;
export const NUMBER_SERIES_MAX_CLAIMS = 60;
const CHUNK = 300;

function chunked<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Everything needed to build one claim's numbers, from base rows. */
export function buildClaimNumbers(claim: { id: string; title: string }, claimed: StoredQuantity, evidence: EvidenceFigure[]): ClaimNumbers {
  const measure = getMeasure(claimed.measure!)!;
  const comparisons = compareAll(claimed, evidence);
  const compared = new Set(comparisons.map((c) => c.evidenceId));
  const otherFigures = evidence
    .filter((e) => !compared.has(e.evidenceId))
    .map((e) => ({ evidenceId: e.evidenceId, sourceId: e.sourceId, sourceTitle: e.sourceTitle, stance: e.stance, quantity: e.quantity, measureLabel: e.quantity.measure ? (getMeasure(e.quantity.measure)?.label ?? e.quantity.measure) : 'no measure named' }));
  const deviation = deviationOf(comparisons);
  const values = [claimed, ...comparisons.map((c) => c.quantity)].flatMap((q) => [q.value, q.low, q.high]).filter((v): v is number => v !== null);
  const sources = new Map<string, string>();
  for (const c of comparisons) sources.set(c.sourceId, c.sourceTitle);
  return {
    claimId: claim.id,
    title: claim.title,
    claimed,
    measure: { key: measure.key, label: measure.label, dimension: measure.dimension, family: measure.family ?? null, member: measure.member ?? null },
    summary: summarize(claimed, comparisons),
    deviation: deviation?.factor ?? null,
    comparisons,
    otherFigures,
    logScale: needsLogScale(values),
    sources: [...sources].map(([id, title]) => ({ id, title })),
  };
}

async function loadEvidenceFigures(trx: Db, claimIds: string[]): Promise<Map<string, EvidenceFigure[]>> {
  const rows = await trx
    .selectFrom('evidence as e')
    .innerJoin('source as s', 's.id', 'e.source_id')
    .select(['e.id', 'e.claim_id', 'e.source_id', 'e.stance', 'e.target', 'e.value', 'e.low', 'e.high', 'e.unit', 'e.measure', 'e.as_of', 'e.price_year', 'e.geography', 'e.basis', 'e.figure_text', 's.title as source_title'])
    .where('e.claim_id', 'in', claimIds)
    .where('e.status', '=', 'accepted')
    .where('e.retracted_at', 'is', null)
    .where('e.unit', 'is not', null)
    .orderBy('e.claim_id')
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  const out = new Map<string, EvidenceFigure[]>();
  for (const r of rows) {
    const quantity = quantityOfEvidenceRow(r);
    if (!quantity) continue;
    const list = out.get(r.claim_id) ?? [];
    list.push({ evidenceId: r.id, sourceId: r.source_id, sourceTitle: r.source_title, stance: r.stance, target: r.target, quantity });
    out.set(r.claim_id, list);
  }
  return out;
}

export interface NumbersRefreshOptions {
  /** Leave the SVG empty (the benchmark's baseline: everything but the drawing). */
  skipCharts?: boolean;
}

/**
 * The drawing code (Observable Plot over linkedom), loaded when a chart is drawn: loading it
 * was a tenth of the start-up of a `claims ingest` that draws nothing.
 */
const loadCharts = () => import('./chart');

/** Recomputes the numbers of these claims and what depends on them (contradictions, series). */
export async function refreshNumbers(trx: Db, claimIds: string[], options: NumbersRefreshOptions = {}): Promise<void> {
  // A claim's row is redrawn, and its measure's contradictions and its family's series are
  // re-derived, only when what they are drawn from changed: most writes (evidence without a
  // figure, a note, an edit elsewhere) leave a claim's numbers as they were, and drawing a
  // chart costs more than the rest of the write.
  const touchedMeasures = new Set<string>();
  const touchedFamilies = new Set<string>();
  let drawClaimChart: ((numbers: ClaimNumbers) => string) | undefined;
  for (const chunk of chunked(claimIds)) {
    const previous = new Map(
      (await trx.selectFrom('claim_number').select(['claim_id', 'measure', 'family', 'data', 'chart_svg']).where('claim_id', 'in', chunk).execute()).map((p) => [p.claim_id, p]),
    );
    const claims = await trx
      .selectFrom('claim')
      .select(['id', 'title', 'listed', 'quantity_value', 'quantity_low', 'quantity_high', 'quantity_unit', 'quantity_measure', 'quantity_as_of', 'quantity_price_year', 'quantity_geography', 'quantity_basis', 'quantity_note'])
      .where('id', 'in', chunk)
      .execute();
    const numeric = claims.filter((c) => c.listed === 1 && c.quantity_measure && getMeasure(c.quantity_measure) && quantityOfClaimRow(c));
    const figures = numeric.length ? await loadEvidenceFigures(trx, numeric.map((c) => c.id)) : new Map<string, EvidenceFigure[]>();
    const keep = new Set(numeric.map((c) => c.id));
    const gone = chunk.filter((id) => !keep.has(id) && previous.has(id));
    for (const id of gone) {
      const { measure, family } = previous.get(id)!;
      touchedMeasures.add(measure);
      if (family) touchedFamilies.add(family);
    }
    if (gone.length) await trx.deleteFrom('claim_number').where('claim_id', 'in', gone).execute();
    const oldConflicts = new Map(
      (await trx.selectFrom('claim_number').select(['claim_id', 'conflict_count']).where('claim_id', 'in', [...keep].length ? [...keep] : ['']).execute()).map((r) => [r.claim_id, r.conflict_count]),
    );
    for (const c of numeric) {
      const claimed = quantityOfClaimRow(c)!;
      const numbers = buildClaimNumbers(c, claimed, figures.get(c.id) ?? []);
      const data = JSON.stringify(numbers);
      const before = previous.get(c.id);
      const chartIsCurrent = before !== undefined && before.data === data && (options.skipCharts || before.chart_svg !== '');
      if (before?.measure !== claimed.measure) {
        if (before) touchedMeasures.add(before.measure);
        touchedMeasures.add(claimed.measure!);
      } else if (JSON.stringify((JSON.parse(before.data) as ClaimNumbers).claimed) !== JSON.stringify(numbers.claimed)) {
        touchedMeasures.add(claimed.measure!);
      }
      if (before?.family && before.family !== numbers.measure.family) touchedFamilies.add(before.family);
      if (!chartIsCurrent && numbers.measure.family) touchedFamilies.add(numbers.measure.family);
      const deviation = deviationOf(numbers.comparisons);
      const period = periodOf(claimed.asOf);
      const interval = intervalOf(claimed);
      const row = {
        measure: claimed.measure!,
        sort_title: toSortKey(c.title),
        family: numbers.measure.family,
        deviation_key: deviation?.key ?? -1,
        figure_count: numbers.comparisons.length,
        conflict_count: oldConflicts.get(c.id) ?? 0,
        period_start: period.start,
        period_end: period.end,
        claimed_low: interval.low,
        claimed_high: interval.high,
        summary: numbers.summary,
        data,
        chart_svg: options.skipCharts ? '' : chartIsCurrent ? before.chart_svg : (drawClaimChart ??= (await loadCharts()).createClaimChartRenderer())(numbers),
      };
      await trx
        .insertInto('claim_number')
        .values({ claim_id: c.id, ...row })
        .onConflict((oc) => oc.column('claim_id').doUpdateSet(row))
        .execute();
    }
  }
  for (const m of [...touchedMeasures].sort()) {
    await refreshConflicts(trx, m);
    const family = getMeasure(m)?.family;
    if (family) touchedFamilies.add(family);
  }
  for (const f of [...touchedFamilies].sort()) await refreshSeries(trx, f, options);
}

/** The contradictions among the claims of one measure, recomputed from their stored figures. */
async function refreshConflicts(trx: Db, measure: string): Promise<void> {
  const rows = await trx
    .selectFrom('claim_number as n')
    .innerJoin('claim as c', 'c.id', 'n.claim_id')
    .select(['n.claim_id', 'n.conflict_count', 'c.quantity_value', 'c.quantity_low', 'c.quantity_high', 'c.quantity_unit', 'c.quantity_measure', 'c.quantity_as_of', 'c.quantity_price_year'])
    .where('n.measure', '=', measure)
    .orderBy('n.claim_id')
    .limit(NUMBER_MEASURE_MAX_CLAIMS)
    .execute();
  await trx.deleteFrom('number_conflict').where('measure', '=', measure).execute();
  const quantities = rows.map((r) => ({ id: r.claim_id, q: quantityOfClaimRow(r)! }));
  const pairs: { claim_id: string; other_claim_id: string; measure: string; detail: string }[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < quantities.length; i++) {
    for (let j = i + 1; j < quantities.length; j++) {
      const a = quantities[i]!;
      const b = quantities[j]!;
      const ab = conflictOf(a.q, b.q);
      if (!ab) continue;
      pairs.push({ claim_id: a.id, other_claim_id: b.id, measure, detail: JSON.stringify(ab) });
      pairs.push({ claim_id: b.id, other_claim_id: a.id, measure, detail: JSON.stringify(conflictOf(b.q, a.q)) });
      counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
      counts.set(b.id, (counts.get(b.id) ?? 0) + 1);
    }
  }
  for (const part of chunked(pairs, 200)) await trx.insertInto('number_conflict').values(part).execute();
  for (const r of rows) {
    const n = counts.get(r.claim_id) ?? 0;
    if (n !== r.conflict_count) await trx.updateTable('claim_number').set({ conflict_count: n }).where('claim_id', '=', r.claim_id).execute();
  }
}

/** One family's series: each member's claimed figures and the evidence compared with them. */
async function refreshSeries(trx: Db, family: string, options: NumbersRefreshOptions): Promise<void> {
  const members = familyMembers(family);
  const rows = await trx
    .selectFrom('claim_number')
    .select(['claim_id', 'measure', 'data'])
    .where('family', '=', family)
    .orderBy('claim_id')
    .limit(NUMBER_SERIES_MAX_CLAIMS + 1)
    .execute();
  if (rows.length === 0) {
    await trx.deleteFrom('number_series').where('family', '=', family).execute();
    return;
  }
  const truncated = rows.length > NUMBER_SERIES_MAX_CLAIMS;
  const points: SeriesPoint[] = [];
  let unit: string | null = null;
  for (const r of rows.slice(0, NUMBER_SERIES_MAX_CLAIMS)) {
    const n = JSON.parse(r.data) as ClaimNumbers;
    const member = n.measure.member ?? n.measure.key;
    unit ??= n.claimed.unit;
    if (n.claimed.unit !== unit) continue;
    points.push({ member, measure: n.measure.key, kind: 'claimed', claimId: n.claimId, label: n.title, interval: intervalOf(n.claimed), stance: null, relation: null });
    for (const c of n.comparisons) {
      if (c.quantity.unit !== unit || !c.independent) continue;
      points.push({ member, measure: c.quantity.measure ?? n.measure.key, kind: 'evidence', claimId: n.claimId, label: c.sourceTitle, interval: intervalOf(c.quantity), stance: c.stance, relation: c.relation });
    }
  }
  const present = new Set(points.map((p) => p.member));
  const series: NumberSeries = { family, unit: unit!, members: members.map((m) => m.member ?? m.key).filter((m) => present.has(m)), points, truncated };
  const label = family.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const row = { data: JSON.stringify(series), chart_svg: options.skipCharts ? '' : (await loadCharts()).renderSeriesChart(series, label) };
  await trx
    .insertInto('number_series')
    .values({ family, ...row })
    .onConflict((oc) => oc.column('family').doUpdateSet(row))
    .execute();
}

/** Empties the numbers tables before a full rebuild. */
export async function clearNumbers(trx: Db): Promise<void> {
  await trx.deleteFrom('number_conflict').execute();
  await trx.deleteFrom('number_series').execute();
  await trx.deleteFrom('claim_number').execute();
}
