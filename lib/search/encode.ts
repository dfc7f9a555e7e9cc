/**
 * The search tokenizer: one function turns any text (a claim, an evidence excerpt, a
 * query) into index terms, and the same scan gives character offsets for highlighting.
 *
 * Why a custom `encode` and not a FlexSearch charset (measured on this machine, see
 * ../shared/research/perf-baselines.md §6):
 * - FlexSearch's default encoder splits on non-letters, so a run of Han characters between
 *   punctuation is ONE term: 泡沫 is not found inside 當前AI泡沫是… (recall 0 for every
 *   Chinese substring query). `Charset.CJK` makes every character a term, which matches
 *   characters in any order (poor precision), splits Latin words into letters (unusable on
 *   mixed fields) and was 30× slower for Chinese at 100k. `tokenize: "full"` did not finish
 *   building at 100k (> 5.6 GB).
 * - The default encoder also splits numbers: 93.7% becomes 93 + 7 and digit strings are cut
 *   into triplets, so decimals and percentages drown in noise as the corpus grows.
 *
 * So we index:
 * - CJK (Han, kana, Hangul) runs as overlapping bigrams: 金融危機 → 金融 融危 危機. A query of
 *   two or more Han characters is the AND of its bigrams, i.e. (nearly) a substring match, at
 *   the memory cost of one term per character. A lone CJK character yields no term (it would
 *   match half the corpus); see the number rules for the one exception that matters.
 * - Latin words folded to lower case without diacritics (NFKC, then NFD minus combining
 *   marks, plus letters that do not decompose: ø→o, æ→ae, ß→ss, ł→l, đ→d, þ→th), so Sløk,
 *   SLOK and slok are one term; a light plural stemmer (companies→company, bubbles→bubble,
 *   sources→source) and a short stopword list (AND semantics would otherwise require "the").
 * - Numbers as single terms: 93.7 stays 93.7 and 5,000 becomes 5000. A unit directly after a
 *   number (optionally after one space) adds a canonical term:
 *     17x, 17×, 17 倍, 17 times → 17 and 17x;     34%, 34 percent → 34 and 34%;
 *     2008年, 17 家 (any other single Han character) → 2008 and 2008年 (so "17 倍" and
 *     "5 億" match although a lone Han character is otherwise not a term);
 *     magnitudes $500M, 500 million, 5 億, 5億美元, 5,000 萬 → the value itself: 500000000.
 *   The magnitude rule is why $500M finds 5 億美元 (both are 500000000); the price is that a
 *   bare "500" does not find "$500M".
 * - Letter–number compounds (GPT-4, GPT4, COVID-19, H100) as the letters, the number and the
 *   joined form, so GPT-4 and GPT4 find each other and "GPT-4" does not match any text that
 *   merely contains "GPT" and a "4" somewhere.
 *
 * Index and query go through the same function, so every rule is symmetric; all terms of a
 * query must occur in one indexed field (FlexSearch's AND), which is why the descriptor keeps
 * an `all` field per record.
 */

/** Bump when the rules change: a persisted index built with other rules is discarded. */
export const ENCODER_VERSION = 4;

export interface Token {
  term: string;
  /** UTF-16 offsets into the ORIGINAL text (before folding). */
  start: number;
  end: number;
}

const STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it', 'its',
  'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'were', 'with',
]);

/** Words ending in s that are not plurals (the stemmer would mangle them). */
const NOT_PLURAL = new Set([
  'news', 'series', 'species', 'analysis', 'always', 'perhaps', 'economics', 'politics', 'physics', 'thus',
  'less', 'unless', 'across', 'various', 'previous', 'yes', 'gas', 'bus', 'plus', 'minus', 'bias', 'status',
  'census', 'consensus',
]);

/** Letters that NFD does not decompose into a base letter plus a mark. */
const SPECIAL_FOLD: Record<string, string> = {
  ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
  '\u2019': "'", '\u2018': "'", ʼ: "'",
};

const foldCache = new Map<number, string>();

/** Folds one code point: NFKC (full-width → ASCII), lower case, strip diacritics. */
function foldCodePoint(cp: number): string {
  if (cp < 128) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  let s = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
  s = s.normalize('NFD').replace(/\p{M}/gu, '');
  s = [...s].map((c) => SPECIAL_FOLD[c] ?? c).join('').normalize('NFC');
  if (foldCache.size < 20_000) foldCache.set(cp, s);
  return s;
}

interface Folded {
  norm: string;
  /** map[i] = offset in the original text of folded char i; map[norm.length] = text.length. */
  map: number[];
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_FOLD).join('')}]`, 'g');

/**
 * The same folding without the offset map, for indexing (the hot path: 27M characters at
 * 10k claims). Whole-string normalisation is ~3× faster than the per-character loop.
 */
export function foldTextFast(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '').replace(SPECIAL_RE, (c) => SPECIAL_FOLD[c] ?? c).normalize('NFC');
}

export function foldText(text: string): Folded {
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp);
    for (let k = 0; k < f.length; k++) map.push(i);
    norm += f;
    i += width;
  }
  map.push(text.length);
  return { norm, map };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isCjk(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x2e80) return false;
  // Fast ranges (CJK unified, kana, Hangul syllables) before the Unicode-script regex.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3040 && code <= 0x30ff) || (code >= 0xac00 && code <= 0xd7af)) return true;
  return CJK.test(c);
}
function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return !isCjk(c) && LETTER.test(c);
}

/** Light English plural stemmer; both index and query use it, so it only needs to be consistent. */
export function stemWord(word: string): string {
  if (word.length < 4 || !word.endsWith('s') || NOT_PLURAL.has(word)) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(?:ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Multiplies a decimal string by 10^exp without floating-point error ("1.5", 9 → "1500000000"). */
export function scaleDecimal(num: string, exp: number): string {
  const [intPart = '0', frac = ''] = num.split('.');
  const digits = intPart + frac;
  let point = intPart.length + exp;
  let s = digits;
  if (point >= s.length) s = s + '0'.repeat(point - s.length);
  else if (point <= 0) {
    s = '0'.repeat(1 - point) + s;
    point = 1;
  }
  let out = point < s.length ? `${s.slice(0, point)}.${s.slice(point)}` : s;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return out;
}

const LATIN_MAGNITUDE: Record<string, number> = {
  k: 3, thousand: 3, m: 6, mn: 6, mil: 6, million: 6, b: 9, bn: 9, billion: 9, t: 12, tn: 12, trillion: 12,
};
const HAN_MAGNITUDE: Record<string, number> = { 十: 1, 百: 2, 千: 3, 萬: 4, 万: 4, 億: 8, 亿: 8, 兆: 12 };

type Emit = (term: string, start: number, end: number) => void;

/** Reads [a-z]+ at i in the folded string. */
function readLetters(norm: string, i: number): string {
  let j = i;
  while (j < norm.length && isLetter(norm[j])) j++;
  return norm.slice(i, j);
}

/**
 * Parses a number at i (digits, thousands groups, one decimal part) and its unit.
 * Emits its terms and returns the index after what it consumed. A Han unit character is
 * NOT consumed: it still takes part in the bigrams of its run (5億美元 → 億美, 美元).
 */
function scanNumber(norm: string, i: number, emit: Emit, at: (a: number, b: number) => [number, number]): number {
  let j = i;
  while (isDigit(norm[j])) j++;
  let num = norm.slice(i, j);
  // Thousands groups: a comma followed by exactly three digits.
  while (norm[j] === ',' && isDigit(norm[j + 1]) && isDigit(norm[j + 2]) && isDigit(norm[j + 3]) && !isDigit(norm[j + 4])) {
    num += norm.slice(j + 1, j + 4);
    j += 4;
  }
  if (norm[j] === '.' && isDigit(norm[j + 1])) {
    let k = j + 1;
    while (isDigit(norm[k])) k++;
    num += norm.slice(j, k);
    j = k;
  }
  num = num.replace(/^0+(?=\d)/, '');
  const [s, e] = at(i, j);

  // The unit: attached, or after one space.
  const attached = j;
  const spaced = norm[j] === ' ' ? j + 1 : -1;
  const tryUnit = (p: number): { unit: string; kind: 'suffix' | 'magnitude' | 'han'; exp?: number; end: number; consume: boolean } | null => {
    const c = norm[p];
    if (c === undefined) return null;
    if (c === '%') return { unit: '%', kind: 'suffix', end: p + 1, consume: true };
    if (c === '×') return { unit: 'x', kind: 'suffix', end: p + 1, consume: true };
    if (c === '倍') return { unit: 'x', kind: 'suffix', end: p + 1, consume: false };
    if (c in HAN_MAGNITUDE) {
      let exp = 0;
      let q = p;
      while (norm[q] !== undefined && norm[q]! in HAN_MAGNITUDE) {
        exp += HAN_MAGNITUDE[norm[q]!]!;
        q++;
      }
      return { unit: '', kind: 'magnitude', exp, end: q, consume: false };
    }
    // Any other Han character only when attached (2008年): "2008 金融危機" must not require 2008金.
    if (isCjk(c) && p === attached) return { unit: c, kind: 'han', end: p + 1, consume: false };
    if (isLetter(c)) {
      const word = readLetters(norm, p);
      if (word === 'x') return { unit: 'x', kind: 'suffix', end: p + 1, consume: true };
      if (word === 'percent' || word === 'pct') return { unit: '%', kind: 'suffix', end: p + word.length, consume: true };
      if (word === 'times' && p !== attached) return { unit: 'x', kind: 'suffix', end: p + word.length, consume: true };
      const exp = LATIN_MAGNITUDE[word];
      // A single-letter magnitude (m, b, k, t) only when attached: "5 m" is more often metres.
      if (exp !== undefined && (word.length > 2 || p === attached)) return { unit: '', kind: 'magnitude', exp, end: p + word.length, consume: true };
    }
    return null;
  };
  const unit = tryUnit(attached) ?? (spaced > 0 ? tryUnit(spaced) : null);

  if (!unit) {
    // Digits glued to letters that are not a unit (4o, 3rd, 5g): the number and the compound.
    if (isLetter(norm[j])) {
      const word = readLetters(norm, j);
      emit(num, s, e);
      const [, e2] = at(i, j + word.length);
      emit(num + word, s, e2);
      return j + word.length;
    }
    emit(num, s, e);
    return j;
  }
  const [, ue] = at(i, unit.end);
  if (unit.kind === 'magnitude') {
    emit(scaleDecimal(num, unit.exp!), s, ue);
  } else {
    emit(num, s, e);
    emit(num + unit.unit, s, ue);
  }
  return unit.consume ? unit.end : j;
}

/**
 * Scans text into terms with offsets into the original string. `emit` may receive the
 * same term several times; callers dedupe.
 */
export function scanTerms(text: string, emit: Emit, withOffsets = true): void {
  const folded = withOffsets ? foldText(text) : { norm: foldTextFast(text), map: null };
  const { norm, map } = folded;
  const at = map ? (a: number, b: number): [number, number] => [map[a]!, map[b]!] : (): [number, number] => [0, 0];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const c = norm[i]!;
    if (isDigit(c)) {
      i = scanNumber(norm, i, emit, at);
      continue;
    }
    if (isCjk(c)) {
      let j = i;
      while (j < n && isCjk(norm[j])) j++;
      for (let k = i; k + 1 < j; k++) {
        const [s, e] = at(k, k + 2);
        emit(norm.slice(k, k + 2), s, e);
      }
      i = j;
      continue;
    }
    if (isLetter(c)) {
      let j = i;
      while (j < n && isLetter(norm[j])) j++;
      const word = norm.slice(i, j);
      const [s, e] = at(i, j);
      // A currency prefix (US$, NT$, HK$) is not a word: $500M and US$500 million are one figure.
      if (norm[j] === '$' && word.length <= 3) {
        i = j + 1;
        continue;
      }
      // Possessive 's is not part of the word (Sløk's → slok).
      if (norm[j] === "'" && norm[j + 1] === 's' && !isLetter(norm[j + 2])) j += 2;
      // Letter–number compounds: GPT-4, GPT4, COVID-19, H100.
      const numAt = isDigit(norm[j]) ? j : norm[j] === '-' && isDigit(norm[j + 1]) && j === i + word.length ? j + 1 : -1;
      if (numAt > 0) {
        let k = numAt;
        while (isDigit(norm[k]) || (norm[k] === '.' && isDigit(norm[k + 1]))) k++;
        const tail = readLetters(norm, k);
        const numPart = norm.slice(numAt, k) + tail;
        if (word.length > 1 && !STOPWORDS.has(word)) emit(word, s, e);
        const [ns, ne] = at(numAt, k + tail.length);
        emit(numPart, ns, ne);
        if (numPart !== norm.slice(numAt, k)) emit(norm.slice(numAt, k), ns, at(numAt, k)[1]);
        emit(word + numPart, s, ne);
        i = k + tail.length;
        continue;
      }
      if (word.length > 1 && !STOPWORDS.has(word)) emit(stemWord(word), s, e);
      i = j;
      continue;
    }
    i++;
  }
}

/** Terms for FlexSearch (index and query alike), deduplicated, in first-seen order. */
export function encodeSearchText(text: string): string[] {
  if (!text) return [];
  const seen = new Set<string>();
  scanTerms(
    text,
    (term) => {
      seen.add(term);
    },
    false,
  );
  return [...seen];
}

/** Terms with their positions in the original text (snippets, highlighting). */
export function tokenizeWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  scanTerms(text, (term, start, end) => out.push({ term, start, end }));
  return out;
}
