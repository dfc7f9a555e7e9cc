import search from 'approx-string-match';
import { codePointOffset, normalizeQuote, type PreparedText } from './normalize';

/**
 * Anchoring a quote in an archived copy, as a W3C Web Annotation TextQuoteSelector (exact,
 * prefix, suffix) with a TextPositionSelector hint (code points into the capture's text).
 *
 * - `verified`: the exact words are in the newest capture (and, when an older capture held
 *   them, still with the same words around them).
 * - `moved`: the exact words are in the newest capture, but not where the previous capture
 *   had them (their surroundings changed).
 * - `fuzzy`: only an approximate match (Myers' bit-parallel edit distance, approx-string-match),
 *   within a quarter of the quote's length; `distance` says how many characters differ. Never
 *   counted as verified.
 * - `orphan`: not found: the quote or the capture is wrong.
 * - `no-capture`: the source has no archived copy to check against.
 *
 * A pure function of the quote and the texts: the derived state stores its result.
 */

export type AnchorStatus = 'verified' | 'moved' | 'fuzzy' | 'orphan' | 'no-capture';
export const ANCHOR_STATUSES: readonly AnchorStatus[] = ['verified', 'moved', 'fuzzy', 'orphan', 'no-capture'];

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface AnchorResult {
  status: AnchorStatus;
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
  /** Edit distance of a fuzzy match; 0 for an exact one; null when nothing matched. */
  distance: number | null;
  /** How many times the exact words occur in the capture (a repeated phrase is anchored by its context). */
  occurrences: number;
}

/** Characters of context kept on each side, as Hypothesis does. */
export const CONTEXT_LENGTH = 32;
/** Occurrences looked at for a very common phrase (context then picks among them). */
const MAX_OCCURRENCES = 1000;

/** What is known about where the quote was: a stored selector, or the anchor in the previous capture. */
export interface AnchorHint {
  prefix?: string;
  suffix?: string;
  /** Code-point start in the capture the hint came from. */
  start?: number;
}

function occurrencesOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1 && out.length < MAX_OCCURRENCES; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** How much of the hint's context surrounds a match at [start, end) of the matching form. */
function contextScore(doc: PreparedText, start: number, end: number, hint: AnchorHint): number {
  const before = doc.match.slice(Math.max(0, start - CONTEXT_LENGTH), start);
  const after = doc.match.slice(end, end + CONTEXT_LENGTH);
  return (hint.prefix ? commonSuffix(before, squash(hint.prefix)) : 0) + (hint.suffix ? commonPrefix(after, squash(hint.suffix)) : 0);
}

/** Whether the hint's full context surrounds the match (the passage did not move). */
function contextHolds(doc: PreparedText, start: number, end: number, hint: AnchorHint): boolean {
  const prefix = squash(hint.prefix ?? '');
  const suffix = squash(hint.suffix ?? '');
  return doc.match.slice(Math.max(0, start - prefix.length), start) === prefix && doc.match.slice(end, end + suffix.length) === suffix;
}

function pick<T extends { start: number; end: number }>(doc: PreparedText, candidates: T[], hint: AnchorHint | undefined, rank: (c: T) => number = () => 0): T {
  if (candidates.length === 1 || !hint) return candidates.sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0]!;
  const hintStart = hint.start;
  const scored = candidates.map((c) => ({
    c,
    rank: rank(c),
    context: contextScore(doc, c.start, c.end, hint),
    // Distance from the position hint, in matching-form characters (close enough for a tie-break).
    far: hintStart === undefined ? 0 : Math.abs(c.start - hintStart),
  }));
  scored.sort((a, b) => a.rank - b.rank || b.context - a.context || a.far - b.far || a.c.start - b.c.start);
  return scored[0]!.c;
}

/** The selectors for [start, end) of the matching form, in terms of the capture's stored text. */
function selectorsAt(doc: PreparedText, start: number, end: number): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const from = doc.map[start]!;
  const to = end > start ? doc.map[end - 1]! + 1 : from;
  const startCp = codePointOffset(doc.text, from);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: doc.text.slice(from, to),
      prefix: doc.text.slice(Math.max(0, from - CONTEXT_LENGTH), from),
      suffix: doc.text.slice(to, to + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start: startCp, end: startCp + codePointOffset(doc.text.slice(from, to), to - from) },
  };
}

/** Where `quote` is exactly in `doc` (best by the hint), or null. */
export function findExact(doc: PreparedText, quote: string, hint?: AnchorHint): { start: number; end: number; occurrences: number } | null {
  const q = normalizeQuote(quote);
  if (!q) return null;
  const starts = occurrencesOf(doc.match, q);
  if (starts.length === 0) return null;
  const best = pick(doc, starts.map((s) => ({ start: s, end: s + q.length })), hint);
  return { ...best, occurrences: starts.length };
}

/** The largest edit distance still reported as `fuzzy` rather than `orphan`. */
export function maxFuzzyErrors(quoteLength: number): number {
  return Math.floor(quoteLength / 4);
}

/**
 * Anchors `quote` in the newest capture. `previous` is the capture before it, if any: a quote
 * found there too is `verified` only if its surroundings are unchanged, else `moved`. `hint`
 * (a stored selector) disambiguates a phrase that occurs more than once.
 */
export function anchorQuote(quote: string, newest: PreparedText | null, options: { previous?: PreparedText | null; hint?: AnchorHint } = {}): AnchorResult {
  if (!newest) return { status: 'no-capture', quote: null, position: null, distance: null, occurrences: 0 };
  const q = normalizeQuote(quote);
  const none: AnchorResult = { status: 'orphan', quote: null, position: null, distance: null, occurrences: 0 };
  if (!q) return none;

  // Where it was: the previous capture's anchor gives the context to look for now.
  let hint = options.hint;
  let before: AnchorHint | null = null;
  if (options.previous) {
    const old = findExact(options.previous, q, hint);
    if (old) {
      before = {
        prefix: options.previous.match.slice(Math.max(0, old.start - CONTEXT_LENGTH), old.start),
        suffix: options.previous.match.slice(old.end, old.end + CONTEXT_LENGTH),
        start: old.start,
      };
      hint = before;
    }
  }

  const exact = findExact(newest, q, hint);
  if (exact) {
    const moved = before !== null && !contextHolds(newest, exact.start, exact.end, before);
    return { status: moved ? 'moved' : 'verified', ...selectorsAt(newest, exact.start, exact.end), distance: 0, occurrences: exact.occurrences };
  }

  const maxErrors = maxFuzzyErrors(q.length);
  if (maxErrors === 0) return none;
  const matches = search(newest.match, q, maxErrors).filter((m) => m.end > m.start);
  if (matches.length === 0) return none;
  const best = pick(newest, matches, hint, (m) => m.errors);
  return { status: 'fuzzy', ...selectorsAt(newest, best.start, best.end), distance: best.errors, occurrences: 0 };
}
