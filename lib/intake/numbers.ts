/**
 * Figures in running text, as values: digits (5,000, 1.5), CJK numerals (四, 十, 兩百二十,
 * 5 億) and English number words (four, ten), so that 17 倍, 17x and "17 times" are one
 * figure, and 5,000 萬美元 and $50 million are one amount. Used by the check-worthiness
 * features (what kind of figure) and by restatement grouping (the same figure twice).
 */

const CJK_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 兩: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CJK_BIG: Record<string, number> = { 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8, 兆: 1e12 };
export const CJK_NUMERAL_CHARS = '零〇一二三四五六七八九兩两十百千萬万億亿兆';

/** 四 → 4, 十 → 10, 兩百二十 → 220, 五千萬 → 50,000,000; null if it is not a numeral. */
export function parseCjkNumber(text: string): number | null {
  if (!text || [...text].some((c) => !CJK_NUMERAL_CHARS.includes(c))) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in CJK_DIGITS) digit = CJK_DIGITS[c]!;
    else if (c in CJK_UNITS) {
      section += (digit ?? 1) * CJK_UNITS[c]!;
      digit = null;
    } else if (c in CJK_BIG) {
      total += (section + (digit ?? 0) || 1) * CJK_BIG[c]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, thousand: 1000, twice: 2, double: 2, triple: 3,
};
export const NUMBER_WORDS = Object.keys(WORDS);

const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, tn: 1e12, trillion: 1e12,
  萬: 1e4, 万: 1e4, 千萬: 1e7, 百萬: 1e6, 億: 1e8, 亿: 1e8, 兆: 1e12,
};

/** A number as written: 5,000 → 5000; 四 → 4; four → 4; null if none of these. */
export function parseNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d[\d,]*(?:\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (t in WORDS) return WORDS[t]!;
  return parseCjkNumber(t);
}

export function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  return SCALE[word.trim().toLowerCase()] ?? 1;
}

/** Rounds to three significant digits, so 5e7 and 50,000,000 print alike. */
export function canonicalValue(n: number): string {
  if (n === 0) return '0';
  return String(Number(n.toPrecision(3)));
}
