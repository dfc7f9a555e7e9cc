/**
 * The units a quantity may be given in, each with its dimension. Only figures of one dimension
 * are compared; within currency, only through a conversion table (lib/numbers/conversions.ts),
 * never silently. Percent values are stored as written (34 means 34%), not as fractions, so a
 * stored figure reads the way its source printed it.
 */

export const DIMENSIONS = ['currency', 'share', 'share-change', 'multiple', 'count', 'compute', 'tokens', 'duration'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

interface UnitInfo {
  dimension: Dimension;
  label: string;
  /** How a value is written: prefix (US$500M) or suffix (34%). */
  prefix?: string;
  suffix?: string;
}

export const UNITS = {
  USD: { dimension: 'currency', label: 'US dollars', prefix: 'US$' },
  EUR: { dimension: 'currency', label: 'euros', prefix: '€' },
  GBP: { dimension: 'currency', label: 'pounds sterling', prefix: '£' },
  TWD: { dimension: 'currency', label: 'New Taiwan dollars', prefix: 'NT$' },
  HKD: { dimension: 'currency', label: 'Hong Kong dollars', prefix: 'HK$' },
  CNY: { dimension: 'currency', label: 'Chinese yuan', prefix: 'CN¥' },
  JPY: { dimension: 'currency', label: 'Japanese yen', prefix: 'JP¥' },
  percent: { dimension: 'share', label: 'percent', suffix: '%' },
  'percentage-points': { dimension: 'share-change', label: 'percentage points', suffix: ' pp' },
  ratio: { dimension: 'multiple', label: 'times (a multiple)', suffix: '×' },
  count: { dimension: 'count', label: 'count' },
  FLOP: { dimension: 'compute', label: 'floating-point operations', suffix: ' FLOP' },
  tokens: { dimension: 'tokens', label: 'tokens', suffix: ' tokens' },
  days: { dimension: 'duration', label: 'days', suffix: ' days' },
  months: { dimension: 'duration', label: 'months', suffix: ' months' },
  years: { dimension: 'duration', label: 'years', suffix: ' years' },
} as const satisfies Record<string, UnitInfo>;

export type Unit = keyof typeof UNITS;
export const UNIT_KEYS = Object.keys(UNITS) as [Unit, ...Unit[]];

export function isUnit(value: string): value is Unit {
  return Object.prototype.hasOwnProperty.call(UNITS, value);
}

export function dimensionOf(unit: Unit): Dimension {
  return UNITS[unit].dimension;
}

/** Nominal money carries a price year: a dollar of 2020 is not a dollar of 2025. */
export function isMoney(unit: Unit): boolean {
  return UNITS[unit].dimension === 'currency';
}

const SCALES: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** A compact number for labels: 78.4M, 5B, 1.5, 4,324,883 stays exact below a thousand only. */
export function formatNumber(value: number, compact = true): string {
  const abs = Math.abs(value);
  if (compact && abs >= 1e3) {
    for (const [size, suffix] of SCALES) {
      if (abs >= size) {
        const scaled = value / size;
        return `${Number(scaled.toPrecision(4)).toString()}${suffix}`;
      }
    }
  }
  return Number(value.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** A value with its unit as a reader expects it: US$78.4M, 34%, 17×, 2 pp, 220. */
export function formatValue(value: number, unit: Unit, compact = true): string {
  const info: UnitInfo = UNITS[unit];
  const n = formatNumber(value, compact);
  const sign = n.startsWith('-') ? '-' : '';
  const digits = sign ? n.slice(1) : n;
  return `${sign}${info.prefix ?? ''}${digits}${info.suffix ?? ''}`;
}
