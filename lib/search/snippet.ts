import { tokenizeWithOffsets } from './encode';

/**
 * Snippets as segments, never HTML: the page renders highlighted segments as <mark>
 * elements, so text from the store or the query is always escaped by React.
 */

export interface Segment {
  text: string;
  highlight: boolean;
}

export interface Snippet {
  /** The column the text comes from (statement, original_text, excerpt…). */
  field: string;
  segments: Segment[];
}

/** Ranges of `text` whose terms are query terms, merged. */
export function findHighlightRanges(text: string, terms: ReadonlySet<string>, matched?: Set<string>): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const t of tokenizeWithOffsets(text)) {
    if (!terms.has(t.term)) continue;
    ranges.push([t.start, t.end]);
    matched?.add(t.term);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Splits text (or a window of it) into plain and highlighted segments. */
export function toSegments(text: string, ranges: Array<[number, number]>, from = 0, to = text.length): Segment[] {
  const out: Segment[] = [];
  let pos = from;
  for (const [s0, e0] of ranges) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    if (s > pos) out.push({ text: text.slice(pos, s), highlight: false });
    out.push({ text: text.slice(s, e), highlight: true });
    pos = e;
  }
  if (pos < to) out.push({ text: text.slice(pos, to), highlight: false });
  return out;
}

/** Moves an offset off the middle of a surrogate pair. */
function safeOffset(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/**
 * The best snippet among the given columns: the one matching the most distinct query terms
 * (earlier columns win ties), cut to a window of about `width` characters around the first match.
 */
export function buildSnippet(columns: Array<[string, string | null | undefined]>, terms: ReadonlySet<string>, width = 180): Snippet | null {
  let best: { field: string; text: string; ranges: Array<[number, number]>; distinct: number } | null = null;
  for (const [field, value] of columns) {
    if (!value) continue;
    const matched = new Set<string>();
    const ranges = findHighlightRanges(value, terms, matched);
    if (!ranges.length) continue;
    const distinct = matched.size;
    if (!best || distinct > best.distinct) best = { field, text: value, ranges, distinct };
  }
  if (!best) {
    const first = columns.find(([, v]) => v);
    if (!first) return null;
    const text = first[1]!;
    const end = safeOffset(text, Math.min(text.length, width));
    return { field: first[0], segments: [{ text: text.slice(0, end) + (end < text.length ? '…' : ''), highlight: false }] };
  }
  const { text, ranges } = best;
  let from = 0;
  let to = text.length;
  if (text.length > width) {
    const first = ranges[0]![0];
    from = safeOffset(text, Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width)));
    // Start on a word boundary when one is near.
    const space = text.lastIndexOf(' ', from);
    if (from > 0 && space >= 0 && from - space < 15) from = space + 1;
    to = safeOffset(text, Math.min(text.length, from + width));
  }
  const segments = toSegments(text, ranges, from, to);
  if (from > 0) segments.unshift({ text: '…', highlight: false });
  if (to < text.length) segments.push({ text: '…', highlight: false });
  return { field: best.field, segments };
}
