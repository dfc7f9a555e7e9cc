import conversions from './conversions.json';
import type { StoredQuantity } from './columns';
import { getMeasure } from './measures';
import { describeFigure } from './parse';
import { TOLERANCE } from './tolerance';
import { dimensionOf, formatNumber, formatValue, isMoney, type Unit } from './units';

/**
 * The arithmetic of numbers: a claimed figure against each evidence figure (ratio and
 * difference, ranges and open ends handled), a one-line summary, a deviation to sort by, and
 * whether two claims disagree beyond tolerance. Pure functions of the quantities.
 */

/** A figure as an interval; null is an open end. A single value is low = high. */
export interface Interval {
  low: number | null;
  high: number | null;
}

export function intervalOf(q: Pick<StoredQuantity, 'value' | 'low' | 'high'>): Interval {
  return q.value !== null ? { low: q.value, high: q.value } : { low: q.low, high: q.high };
}

/** Where the claimed figure lies against the evidence figure. */
export type Position = 'matches' | 'inside' | 'contains' | 'overlaps' | 'above' | 'below';

export function positionOf(claimed: Interval, evidence: Interval): Position {
  const cl = claimed.low ?? -Infinity;
  const ch = claimed.high ?? Infinity;
  const el = evidence.low ?? -Infinity;
  const eh = evidence.high ?? Infinity;
  if (cl > eh) return 'above';
  if (ch < el) return 'below';
  if (cl === el && ch === eh) return 'matches';
  if (cl >= el && ch <= eh) return 'inside';
  if (cl <= el && ch >= eh) return 'contains';
  return 'overlaps';
}

/** claimed ÷ evidence as an interval (null ends are unbounded); null when a sign makes a ratio meaningless. */
export function ratioOf(claimed: Interval, evidence: Interval): Interval | null {
  const ends = [claimed.low, claimed.high, evidence.low, evidence.high].filter((v): v is number => v !== null);
  if (ends.some((v) => v <= 0)) return null;
  // Open ends: an open-low claim or open-high evidence leaves the low end of the ratio open, and so on.
  const low = claimed.low !== null && evidence.high !== null ? claimed.low / evidence.high : null;
  const high = claimed.high !== null && evidence.low !== null ? claimed.high / evidence.low : null;
  return low === null && high === null ? null : { low, high };
}

/** claimed − evidence as an interval (null ends are unbounded). */
export function differenceOf(claimed: Interval, evidence: Interval): Interval | null {
  const low = claimed.low !== null && evidence.high !== null ? claimed.low - evidence.high : null;
  const high = claimed.high !== null && evidence.low !== null ? claimed.high - evidence.low : null;
  return low === null && high === null ? null : { low, high };
}

const times = (n: number) => `${Number(n.toPrecision(n >= 10 ? 3 : 2))}×`;

export function describeRatio(r: Interval): string {
  if (r.low !== null && r.high !== null) return Math.abs(r.low - r.high) / r.high < 0.005 ? times(r.low) : `${times(r.low)}–${times(r.high)}`;
  if (r.low !== null) return `at least ${times(r.low)}`;
  return `at most ${times(r.high!)}`;
}

export function describeDifference(d: Interval, unit: Unit): string {
  const signed = (n: number) => (n > 0 ? `+${formatValue(n, unit)}` : formatValue(n, unit));
  if (d.low !== null && d.high !== null) return d.low === d.high ? signed(d.low) : `${signed(d.low)} to ${signed(d.high)}`;
  if (d.low !== null) return `at least ${signed(d.low)}`;
  return `at most ${signed(d.high!)}`;
}

export interface MoneyBasis {
  /** How the two figures' money was made comparable, in words (shown with the comparison). */
  note: string | null;
  comparable: boolean;
}

/**
 * Money is never converted silently: the same currency and price year compare as they are;
 * another currency needs a rate from lib/numbers/conversions.json (none is entered, so it is
 * not compared); another or an unknown price year compares as nominal, and says so.
 */
export function moneyBasis(a: StoredQuantity, b: StoredQuantity): MoneyBasis {
  if (!isMoney(a.unit) && !isMoney(b.unit)) return { note: null, comparable: a.unit === b.unit };
  if (a.unit !== b.unit) {
    const rate = (conversions.exchange_rates as { from: string; to: string }[]).find((r) => r.from === b.unit && r.to === a.unit);
    return rate ? { note: null, comparable: false } : { note: `not compared: ${b.unit} to ${a.unit} needs an exchange rate, and lib/numbers/conversions.json holds none`, comparable: false };
  }
  const ya = priceYear(a);
  const yb = priceYear(b);
  if (ya !== null && yb !== null && ya === yb) return { note: null, comparable: true };
  if (ya === null || yb === null) return { note: `nominal: the price year of ${ya === null ? 'the claimed figure' : 'this figure'} is not known, so no inflation adjustment`, comparable: true };
  return { note: `nominal: ${yb} money against ${ya} money, not adjusted for inflation (lib/numbers/conversions.json holds no deflator)`, comparable: true };
}

function priceYear(q: StoredQuantity): number | null {
  if (q.priceYear !== null) return q.priceYear;
  return q.asOf ? Number(q.asOf.slice(0, 4)) : null;
}

export interface EvidenceFigure {
  evidenceId: string;
  sourceId: string;
  sourceTitle: string;
  stance: string;
  target: string;
  quantity: StoredQuantity;
}

export interface FigureComparison extends EvidenceFigure {
  /** 'same': a figure of the claim's measure; 'related': of a measure the vocabulary relates to it, with its caveat. */
  relation: 'same' | 'related';
  caveat: string | null;
  position: Position | null;
  ratio: Interval | null;
  difference: Interval | null;
  moneyNote: string | null;
  /** One sentence: "The claimed US$500M is 6.4× the figure of US$78.4M in Visual Capitalist." */
  sentence: string;
  /** Counted in the summary: not a repetition of who made the claim (target 'attribution'). */
  independent: boolean;
}

export function compareFigure(claimed: StoredQuantity, e: EvidenceFigure, relation: 'same' | 'related', caveat: string | null): FigureComparison {
  const money = moneyBasis(claimed, e.quantity);
  const independent = e.target !== 'attribution';
  const base = { ...e, relation, caveat, moneyNote: money.note, independent };
  const claimedText = describeFigure(plainFigure(claimed));
  const theirs = `${describeFigure(plainFigure(e.quantity))} in ${e.sourceTitle}`;
  if (!money.comparable || dimensionOf(claimed.unit) !== dimensionOf(e.quantity.unit)) {
    return { ...base, position: null, ratio: null, difference: null, sentence: `${theirs}: ${money.note ?? 'another unit, not compared'}.` };
  }
  const c = intervalOf(claimed);
  const v = intervalOf(e.quantity);
  const position = positionOf(c, v);
  const ratio = ratioOf(c, v);
  const difference = differenceOf(c, v);
  const where: Record<Position, string> = {
    matches: 'matches',
    inside: 'lies inside',
    contains: 'spans',
    overlaps: 'overlaps',
    above: 'is above',
    below: 'is below',
  };
  const amount = ratio ? ` (${describeRatio(ratio)})` : difference ? ` (${describeDifference(difference, claimed.unit)})` : '';
  const sentence = `The claimed ${claimedText} ${where[position]} ${theirs}${position === 'above' || position === 'below' ? amount : ''}${caveat ? `, which measures ${caveat}` : ''}.`;
  return { ...base, position, ratio, difference, sentence };
}

function plainFigure(q: StoredQuantity) {
  return { value: q.value, low: q.low, high: q.high, unit: q.unit };
}

/** A representative factor of a ratio interval: its geometric middle, or its one bounded end. */
function middleOf(r: Interval): number | null {
  if (r.low !== null && r.high !== null) return Math.sqrt(r.low * r.high);
  return r.low ?? r.high;
}

/** The comparisons of a claim: figures of its measure, then of related measures. */
export function compareAll(claimed: StoredQuantity, figures: EvidenceFigure[]): FigureComparison[] {
  const measure = claimed.measure ? getMeasure(claimed.measure) : null;
  const related = new Map((measure?.related ?? []).map((r) => [r.key, r.caveat]));
  const out: FigureComparison[] = [];
  for (const f of figures) {
    if (f.quantity.measure === claimed.measure) out.push(compareFigure(claimed, f, 'same', null));
  }
  for (const f of figures) {
    const caveat = f.quantity.measure ? related.get(f.quantity.measure) : undefined;
    if (caveat) out.push(compareFigure(claimed, f, 'related', caveat));
  }
  return out;
}

/**
 * The claim's deviation: the median of |log10(claimed ÷ evidence)| over independent figures of
 * its own measure (0: they agree; 1: tenfold apart); null when none can be compared by ratio.
 */
export function deviationOf(comparisons: FigureComparison[]): { key: number; factor: number } | null {
  const logs = comparisons
    .filter((c) => c.relation === 'same' && c.independent && c.ratio)
    .map((c) => (c.position === 'matches' || c.position === 'inside' || c.position === 'contains' || c.position === 'overlaps' ? 0 : Math.log10(middleOf(c.ratio!)!)))
    .sort((a, b) => Math.abs(a) - Math.abs(b));
  if (logs.length === 0) return null;
  logs.sort((a, b) => a - b);
  const half = Math.floor(logs.length / 2);
  const mid = logs.length % 2 ? logs[half]! : (logs[half - 1]! + logs[half]!) / 2;
  return { key: Math.abs(mid), factor: 10 ** mid };
}

/** The one line at the top of the claim page. */
export function summarize(claimed: StoredQuantity, comparisons: FigureComparison[]): string {
  const fig = describeFigure(plainFigure(claimed));
  const pick = (relation: 'same' | 'related') => comparisons.filter((c) => c.relation === relation && c.independent && c.position !== null);
  const line = (list: FigureComparison[], what: string, whats: string): string | null => {
    if (list.length === 0) return null;
    const n = list.length;
    const every = n === 1 ? `the one ${what}` : `every one of the ${n} ${whats}`;
    const above = list.filter((c) => c.position === 'above');
    const below = list.filter((c) => c.position === 'below');
    const ratios = list.map((c) => c.ratio).filter((r): r is Interval => r !== null);
    const span = () => {
      const ends = ratios.flatMap((r) => [r.low, r.high]).filter((v): v is number => v !== null);
      if (ends.length === 0) return '';
      const lo = Math.min(...ends);
      const hi = Math.max(...ends);
      const f = (x: number) => (x >= 1 ? x : 1 / x);
      const [a, b] = [f(lo), f(hi)].sort((x, y) => x - y) as [number, number];
      return a === b || b / a < 1.05 ? `${times(a)} ` : `${times(a).replace('×', '')}–${times(b)} `;
    };
    if (above.length === n) return `The claimed figure, ${fig}, is ${span()}above ${every} we hold.`;
    if (below.length === n) return `The claimed figure, ${fig}, is ${span()}below ${every} we hold.`;
    if (above.length === 0 && below.length === 0) return `The claimed figure, ${fig}, agrees with ${every} we hold.`;
    const agree = n - above.length - below.length;
    const parts = [above.length ? `above ${above.length}` : null, below.length ? `below ${below.length}` : null, agree ? `in agreement with ${agree}` : null].filter(Boolean);
    return `Of the ${n} ${whats} we hold, the claimed figure, ${fig}, is ${parts.join(', ').replace(/, ([^,]*)$/, ' and $1')}.`;
  };
  const same = line(pick('same'), 'independent figure of this measure', 'independent figures of this measure');
  const related = line(pick('related'), 'figure of a narrower or related measure', 'figures of narrower or related measures');
  if (same) return related ? `${same} ${related.replace(`The claimed figure, ${fig}, is`, 'It is').replace(`, the claimed figure, ${fig}, is`, ', it is')}` : same;
  if (related) return `No figure we hold measures exactly this. ${related}`;
  if (comparisons.some((c) => c.relation === 'same')) return `The only figures of this measure we hold repeat the claim (${fig}); none is independent.`;
  return `No evidence figure we hold measures this (${fig}).`;
}

// --- contradictions between claims

/** The period an as-of date covers, as sortable text bounds; an undated figure is open both ways. */
export function periodOf(asOf: string | null): { start: string | null; end: string | null } {
  if (!asOf) return { start: null, end: null };
  return { start: asOf, end: `${asOf}\uffff` };
}

export function periodsOverlap(a: { start: string | null; end: string | null }, b: { start: string | null; end: string | null }): boolean {
  return (a.start === null || b.end === null || a.start <= b.end) && (b.start === null || a.end === null || b.start <= a.end);
}

export interface ConflictDetail {
  claimed: string;
  other: string;
  /** The tolerance that was exceeded, in words. */
  tolerance: string;
}

/** Whether two claims of one measure disagree beyond the tolerance of their dimension (null: they do not). */
export function conflictOf(a: StoredQuantity, b: StoredQuantity): ConflictDetail | null {
  if (a.unit !== b.unit || a.measure === null || a.measure !== b.measure) return null;
  if (isMoney(a.unit) && priceYear(a) !== null && priceYear(b) !== null && priceYear(a) !== priceYear(b)) return null;
  if (!periodsOverlap(periodOf(a.asOf), periodOf(b.asOf))) return null;
  const x = intervalOf(a);
  const y = intervalOf(b);
  const t = TOLERANCE[dimensionOf(a.unit)];
  const xl = x.low ?? -Infinity, xh = x.high ?? Infinity, yl = y.low ?? -Infinity, yh = y.high ?? Infinity;
  const apart = t.kind === 'factor' ? (xl > 0 && yh > 0 && xl > yh * t.factor) || (yl > 0 && xh > 0 && yl > xh * t.factor) : xl - yh > t.gap || yl - xh > t.gap;
  // Worded only for a pair that conflicts: a measure's refresh compares every pair of its claims.
  if (!apart) return null;
  const tolerance = t.kind === 'factor' ? `more than ${formatNumber(t.factor)}× apart` : `more than ${formatValue(t.gap, a.unit === 'percent' ? 'percentage-points' : a.unit)} apart`;
  return { claimed: describeFigure(plainFigure(a)), other: describeFigure(plainFigure(b)), tolerance };
}
