/**
 * One normalisation for archived text and for the quotes anchored in it, so that an exact
 * match means the same characters in the same order: Unicode NFC, and whitespace that carries
 * no meaning made canonical. A capture keeps its line structure (a line break between blocks, a
 * blank line between paragraphs); a quote is one run of text. Matching treats any run of
 * whitespace, line breaks included, as one space (`prepareText`), since where a page or a PDF
 * wraps a line is not part of what it says.
 */

// \s in JavaScript covers Unicode spaces (NBSP, ideographic space U+3000…) and line breaks.
const INLINE_SPACE = /[^\S\n]+/g;

/** What a capture stores: NFC, LF line ends, single spaces within lines, at most one blank line in a row. */
export function normalizeCaptureText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085\v\f]/g, '\n')
    .split('\n')
    .map((line) => line.replace(INLINE_SPACE, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A quote as it is matched: NFC, every whitespace run one space, trimmed. */
export function normalizeQuote(quote: string): string {
  return quote.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A capture's text with its matching form: whitespace runs as one space, and where each character came from. */
export interface PreparedText {
  text: string;
  match: string;
  /** map[i] = index in `text` of match[i]; map[match.length] = text.length. */
  map: Int32Array;
}

export function prepareText(text: string): PreparedText {
  const map = new Int32Array(text.length + 1);
  let match = '';
  let j = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      map[j++] = i;
      match += ' ';
    } else {
      inSpace = false;
      map[j++] = i;
      match += ch;
    }
  }
  map[j] = text.length;
  return { text, match, map: map.subarray(0, j + 1) };
}

/** The number of Unicode code points before UTF-16 index `index` (W3C selectors count code points). */
export function codePointOffset(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) i++;
    n++;
  }
  return n;
}

/** The UTF-16 index of code point `offset` (the inverse of codePointOffset). */
export function utf16Index(text: string, offset: number): number {
  let i = 0;
  for (let n = 0; n < offset && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return i;
}
