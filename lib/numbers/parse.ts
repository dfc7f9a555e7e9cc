import { formatValue, type Unit } from './units';

/**
 * Forgiving input, exact storage: a figure as people write it ("5 億美元", "US$0.5 billion",
 * "500M", "50,000 萬", "34%", "17 倍", "1.5%–34%", "over $100 million") becomes a value or a
 * range and a unit. Anything that could be read two ways is refused with a message saying
 * what to write instead; nothing is guessed. No zod here: the site's figure field runs this
 * in the browser to show the reading back before it is sent, and the server runs it again.
 */

export interface ParsedFigure {
  value?: number;
  low?: number;
  high?: number;
  unit: Unit;
}

export type ParseResult = { ok: true; figure: ParsedFigure; reading: string } | { ok: false; message: string };

export interface ParseOptions {
  /** The unit to use when the text names none ("50,000 萬" in a USD field). */
  defaultUnit?: Unit | null;
  /** The language the text is written in: in long-scale languages "billion" means 10¹². */
  locale?: string | null;
}

// Languages in which "billion" is 10¹² and "milliard" 10⁹ (long scale).
const LONG_SCALE = new Set(['de', 'fr', 'es', 'it', 'nl', 'pl', 'pt-pt', 'sv', 'da', 'nb', 'no', 'fi', 'cs', 'sk', 'hu', 'ro', 'hr', 'sl']);

const CURRENCY_PREFIXES: [RegExp, Unit][] = [
  [/^(?:US\$|USD\s*|US\s*\$)/i, 'USD'],
  [/^(?:NT\$|NTD\s*|TWD\s*)/i, 'TWD'],
  [/^(?:HK\$|HKD\s*)/i, 'HKD'],
  [/^(?:€|EUR\s*)/i, 'EUR'],
  [/^(?:£|GBP\s*)/i, 'GBP'],
  [/^(?:CN¥|RMB\s*|CNY\s*)/i, 'CNY'],
  [/^(?:JP¥|JPY\s*)/i, 'JPY'],
  [/^\$/, 'USD'],
];

const CURRENCY_SUFFIXES: [RegExp, Unit][] = [
  [/^(?:美元|美金|USD|US dollars?|dollars?)$/i, 'USD'],
  [/^(?:新台幣|新臺幣|台幣|臺幣|TWD|NTD)$/i, 'TWD'],
  [/^(?:港元|港幣|HKD)$/i, 'HKD'],
  [/^(?:歐元|欧元|EUR|euros?)$/i, 'EUR'],
  [/^(?:英鎊|GBP|pounds?)$/i, 'GBP'],
  [/^(?:人民幣|人民币|CNY|RMB|yuan)$/i, 'CNY'],
  [/^(?:日圓|日元|JPY|yen)$/i, 'JPY'],
];

const OTHER_SUFFIXES: [RegExp, Unit][] = [
  [/^(?:%|percent|per cent|個百分比)$/i, 'percent'],
  [/^(?:pp|p\.p\.|pts?|percentage points?|個百分點|百分點)$/i, 'percentage-points'],
  [/^(?:x|×|times|倍)$/i, 'ratio'],
  [/^(?:FLOPs?|FLOP)$/, 'FLOP'],
  [/^(?:tokens?|個?詞元)$/i, 'tokens'],
  [/^(?:days?|天|日)$/i, 'days'],
  [/^(?:months?|個月|月)$/i, 'months'],
  [/^(?:years?|年)$/i, 'years'],
  [/^(?:家|個|人|名|位|間|institutions?|clients?|firms?|companies|company|investors?|people|persons?|tasks?|employees?)$/i, 'count'],
];

/** Scale words; their exponents, so that values are built from decimal text, never by floating multiply. */
function scaleExponent(word: string, locale: string | null): { exp: number } | { error: string } | null {
  const w = word.trim();
  if (w === '') return null;
  if (/^(?:千)$/.test(w)) return { exp: 3 };
  if (/^(?:萬|万)$/.test(w)) return { exp: 4 };
  if (/^(?:億|亿)$/.test(w)) return { exp: 8 };
  if (/^(?:萬億|万亿)$/.test(w)) return { exp: 12 };
  if (/^兆$/.test(w)) {
    if (locale && /^zh-(?:cn|hans|sg)/i.test(locale)) return { error: `"兆" means 10¹² in Taiwan but often 10⁶ (mega) in mainland usage: write 萬億 or the number in full` };
    return { exp: 12 };
  }
  const long = locale ? LONG_SCALE.has(locale.toLowerCase()) || LONG_SCALE.has(locale.toLowerCase().split('-')[0]!) : false;
  if (/^(?:k|thousand)$/i.test(w)) return { exp: 3 };
  if (/^(?:m|mn|mln|million)$/i.test(w)) return { exp: 6 };
  if (/^(?:milliard|milliards|mrd|md)$/i.test(w)) return { exp: 9 };
  if (/^(?:bn|b)$/i.test(w)) return { exp: 9 };
  if (/^billions?$/i.test(w)) {
    if (long) return { error: `"billion" means 10¹² in ${locale} (long scale) but 10⁹ in English: write "bn", "milliard" or the number in full` };
    return { exp: 9 };
  }
  if (/^(?:t|tn|trn)$/i.test(w)) return { exp: 12 };
  if (/^trillions?$/i.test(w)) {
    if (long) return { error: `"trillion" means 10¹⁸ in ${locale} (long scale) but 10¹² in English: write "tn" or the number in full` };
    return { exp: 12 };
  }
  return null;
}

interface Side {
  value: number;
  unit: Unit | null;
  hasScale: boolean;
  exp: number;
  digits: string;
  /** The exponent written in the number itself (2e25). */
  written: number;
}

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function readSide(raw: string, locale: string | null): Side | { error: string } {
  let rest = raw.trim();
  let unit: Unit | null = null;
  for (const [re, u] of CURRENCY_PREFIXES) {
    const m = re.exec(rest);
    if (m) {
      unit = u;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  if (/^[¥￥]/.test(rest)) return { error: `"¥" is both yen and yuan: write JPY or CNY (or 日圓 / 人民幣)` };
  const num = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:[eE]([+\-]?\d{1,3}))?/.exec(rest);
  if (!num) return { error: `"${raw.trim()}" does not start with a number` };
  if (/^\d{1,3}(?:,\d{3})*,\d{1,2}(?!\d)/.test(rest)) return { error: `"${raw.trim()}": a comma before one or two digits may be a decimal comma; write a point (1.5) for decimals` };
  const sign = num[1] === '-' || num[1] === '−' ? '-' : '';
  const intPart = num[2]!.replace(/,/g, '');
  const frac = num[3] ?? '';
  const written = Number(num[4] ?? 0);
  rest = rest.slice(num[0].length).trim();
  // Scale word, then unit word (either may be absent): "5 億美元", "0.5 billion USD", "500M", "17 倍".
  let exp = written;
  let hasScale = false;
  const scaleMatch = /^(萬億|万亿|千|萬|万|億|亿|兆|thousand|millions?|billions?|trillions?|milliards?|mrd|mln|mn|bn|tn|trn|k|m|b|t)(?![a-z])/i.exec(rest);
  if (scaleMatch) {
    const s = scaleExponent(scaleMatch[1]!.replace(/^(million|billion|trillion|milliard)s$/i, '$1'), locale);
    if (s && 'error' in s) return s;
    if (s) {
      exp += s.exp;
      hasScale = true;
      rest = rest.slice(scaleMatch[0].length).trim();
    }
  }
  if (rest !== '') {
    const suffixes = unit ? OTHER_SUFFIXES.filter(([, u]) => u === 'count') : [...CURRENCY_SUFFIXES, ...OTHER_SUFFIXES];
    const found = suffixes.find(([re]) => re.test(rest));
    if (!found) return { error: `"${rest}" is not a unit this ledger knows: use %, pp, x, a currency (US$, NT$, €, 美元…), FLOP, tokens, days, months or years` };
    if (unit && found[1] === 'count') {
      // "US$5 firms" makes no sense; a currency prefix takes no count word.
      return { error: `"${raw.trim()}" names a currency and a count: give one unit` };
    }
    unit = found[1];
  }
  const digits = `${sign}${intPart}${frac ? `.${frac}` : ''}`;
  return { value: Number(`${digits}e${exp}`), unit, hasScale, exp, digits, written };
}

const BOUND_WORDS: [RegExp, 'low' | 'high' | 'about'][] = [
  [/^(?:over|more than|above|at least|upwards of|in excess of|>=?|≥|超過|超过|逾|至少|多於|多于)\s*/i, 'low'],
  [/^(?:under|less than|below|at most|up to|<=?|≤|不到|少於|少于|低於|低于|最多)\s*/i, 'high'],
  [/^(?:about|around|approximately|roughly|nearly|almost|some|c\.|ca\.|~|約|约|近|大約|大约)\s*/i, 'about'],
];
const BOUND_SUFFIXES: [RegExp, 'low' | 'high'][] = [
  [/\s*(?:以上|多|\+|or more|and up)$/i, 'low'],
  [/\s*(?:以下|以內|以内|or less)$/i, 'high'],
];

const RANGE_SPLIT = /\s*(?:–|—|―|~|～|〜|\bto\b|至|到)\s*|(?<=[\d%a-zA-Z萬万億亿兆倍])\s*-\s*(?=[$€£\d]|US\$|NT\$|HK\$)/;

/** Reads one figure; the reading (e.g. "US$500M") is what the site shows back for confirmation. */
export function parseFigure(input: string, options: ParseOptions = {}): ParseResult {
  const locale = options.locale ?? null;
  let text = normalize(input);
  if (text === '') return { ok: false, message: 'is empty: write a figure such as "US$500M", "34%", "17x" or "1.5%–34%"' };
  if (text.length > 100) return { ok: false, message: 'is too long for a figure (at most 100 characters)' };
  let bound: 'low' | 'high' | null = null;
  // The figure's parts around its number, to suggest where a unit goes: "over " + "100 million" + "".
  const spelled = { lead: '', core: '', tail: '' };
  for (const [re, kind] of BOUND_WORDS) {
    const m = re.exec(text);
    if (m) {
      spelled.lead = m[0];
      text = text.slice(m[0].length);
      if (kind !== 'about') bound = kind;
      break;
    }
  }
  for (const [re, kind] of BOUND_SUFFIXES) {
    const m = re.exec(text);
    if (m && m.index > 0) {
      if (bound && bound !== kind) return { ok: false, message: `"${input.trim()}" says both "at least" and "at most": give a range such as "10–20%"` };
      spelled.tail = text.slice(m.index);
      text = text.slice(0, m.index);
      bound = kind;
      break;
    }
  }
  spelled.core = text;
  const between = /^between\s+(.+)\s+and\s+(.+)$/i.exec(text);
  if (between) text = `${between[1]} to ${between[2]}`;
  const parts = text.split(RANGE_SPLIT).filter((p) => p !== undefined);
  if (parts.length > 2) return { ok: false, message: `"${input.trim()}" has more than two numbers: give one value or one range` };
  const sides: Side[] = [];
  for (const part of parts) {
    const side = readSide(part, locale);
    if ('error' in side) return { ok: false, message: side.error };
    sides.push(side);
  }
  if (sides.length === 2) {
    const [a, b] = sides as [Side, Side];
    if (bound) return { ok: false, message: `"${input.trim()}" is a range with "over"/"under": give either the range or one bound` };
    // "4.6–5 million", "1.5–34%": a scale or unit written once, after the range, applies to both ends.
    if (!a.hasScale && b.hasScale) {
      a.exp = a.written + b.exp - b.written;
      a.value = Number(`${a.digits}e${a.exp}`);
    }
    if (a.unit && b.unit && a.unit !== b.unit) return { ok: false, message: `the two ends of "${input.trim()}" have different units (${a.unit}, ${b.unit}): give one unit` };
    const unit = a.unit ?? b.unit ?? options.defaultUnit ?? null;
    if (!unit) return { ok: false, message: missingUnit(input, spelled, a.hasScale || b.hasScale) };
    if (a.value > b.value) return { ok: false, message: `"${input.trim()}": the range must go from low to high` };
    const figure: ParsedFigure = a.value === b.value ? { value: a.value, unit } : { low: a.value, high: b.value, unit };
    return { ok: true, figure, reading: describeFigure(figure) };
  }
  const only = sides[0]!;
  const unit = only.unit ?? options.defaultUnit ?? null;
  if (!unit) return { ok: false, message: missingUnit(input, spelled, only.hasScale) };
  const figure: ParsedFigure = bound === 'low' ? { low: only.value, unit } : bound === 'high' ? { high: only.value, unit } : { value: only.value, unit };
  return { ok: true, figure, reading: describeFigure(figure) };
}

/**
 * Says how to write the unit in, with spellings the parser reads: the currency before the number
 * and after a bound word ("over US$100 million"); "%" and "x" only after a bare number ("1,250%",
 * not "78 million%"); a counted noun only where no bound suffix follows.
 */
function missingUnit(input: string, spelled: { lead: string; core: string; tail: string }, scaled: boolean): string {
  const between = /^between\s+/i.exec(spelled.core);
  const lead = spelled.lead + (between?.[0] ?? '');
  const core = spelled.core.slice(between?.[0].length ?? 0);
  const { tail } = spelled;
  const examples = [`${lead}US$${core}${tail}`];
  if (!scaled) examples.push(`${lead}${core}%${tail}`, `${lead}${core}x${tail}`);
  if (!tail) examples.push(`${lead}${core} firms`);
  const quoted = examples.map((e) => `"${e}"`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0];
  return `"${input.trim()}" names no unit: write one in, e.g. ${list}, or choose the unit separately`;
}

/** A figure in words a reader checks: "US$500M (500,000,000 USD)", "at least 4×", "1.5%–34%". */
export function describeFigure(f: { value?: number | null; low?: number | null; high?: number | null; unit: Unit }): string {
  const exact = (n: number) => (Math.abs(n) >= 1e4 ? ` (${n.toLocaleString('en-US', { maximumFractionDigits: 6 })} ${f.unit})` : '');
  if (f.value !== undefined && f.value !== null) return `${formatValue(f.value, f.unit)}${exact(f.value)}`;
  const lo = f.low ?? null;
  const hi = f.high ?? null;
  if (lo !== null && hi !== null) return `${formatValue(lo, f.unit)}–${formatValue(hi, f.unit)}`;
  if (lo !== null) return `at least ${formatValue(lo, f.unit)}${exact(lo)}`;
  if (hi !== null) return `at most ${formatValue(hi, f.unit)}${exact(hi)}`;
  return '—';
}
