import 'server-only';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl';

/** The CSL styles bundled with @citation-js/plugin-csl 0.8 (no style is fetched from anywhere). */
export const CITATION_STYLES = ['apa', 'vancouver', 'harvard1'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const DEFAULT_CITATION_STYLE: CitationStyle = 'apa';

export const CITATION_FORMATS = ['csl-json', 'bibtex', 'ris', 'text', 'html'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export const MEDIA_TYPE_OF: Record<CitationFormat, string> = {
  'csl-json': 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  text: 'text/plain',
  html: 'text/html',
};

// Titles and names in zh-Hant (the ledger's first dataset) are dropped by the default
// ASCII-only BibTeX writer; keys are our own stable ids, not generated from the title.
const bibtexConfig = plugins.config.get('@bibtex') as { format: { asciiOnly: boolean; useIdAsLabel: boolean; checkLabel: boolean } };
bibtexConfig.format.asciiOnly = false;
bibtexConfig.format.useIdAsLabel = true;
bibtexConfig.format.checkLabel = false;

/**
 * citation-js 0.8's RIS writer drops a newspaper article's authors and full date in the current
 * spec (NEWS maps AU only to `reporter`, and reads DA for no type of its kind), and its reader
 * ignores the older A1/Y1 tags once a newer tag such as PY is present. So a newspaper article is
 * written in the older tags alone (A1, Y1, JF; no PY, which would also be redundant), which
 * reference managers read and citation-js reads back whole (except the language: no old tag).
 */
function formatRis(items: CslItem[]): string {
  return unwrapRis(items
    .map((item) =>
      item.type === 'article-newspaper'
        ? new Cite([item]).format('ris', { spec: 'old' }).replace(/^PY {2}- .*\r?\n/m, '')
        : new Cite([item]).format('ris', { spec: 'new' }),
    )
    .join('\n'));
}

/**
 * citation-js breaks every value after 70 characters onto a new line, and readers (its own
 * among them) join such a line to the tag's value with a space, splitting a word. A line that
 * starts no tag is joined back here, as written.
 */
function unwrapRis(text: string): string {
  return text.replace(/\n(?![A-Z][A-Z0-9] {2}-( |$))/g, '');
}

const TEX_SPECIAL: Record<string, string> = { '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' };

/** Text as a BibTeX value: TeX's special characters escaped (URLs are verbatim in BibTeX and stay as they are). */
function escapeTex(value: string): string {
  return value.replace(/[\\~^&%$#_{}]/g, (c) => TEX_SPECIAL[c] ?? `\\${c}`);
}

/**
 * The default BibTeX writer keeps only ASCII (a zh-Hant title comes out empty); with that off it
 * escapes nothing, so the text fields are escaped here.
 */
function forBibtex(item: CslItem): CslItem {
  const out: CslItem = { ...item, title: escapeTex(item.title) };
  for (const key of ['publisher', 'container-title', 'note', 'version'] as const) if (item[key]) out[key] = escapeTex(item[key]);
  if (item.author) out.author = item.author.map((n) => Object.fromEntries(Object.entries(n).map(([k, v]) => [k, escapeTex(v)])));
  return out;
}

export function formatCitation(items: CslItem[], format: CitationFormat, style: CitationStyle = DEFAULT_CITATION_STYLE): string {
  switch (format) {
    case 'csl-json':
      return JSON.stringify(items, null, 2);
    case 'bibtex':
      return new Cite(items.map(forBibtex)).format('bibtex');
    case 'ris':
      return formatRis(items);
    case 'text':
    case 'html':
      return new Cite(items).format('bibliography', { format, template: style, lang: 'en-US' });
  }
}

let warmed = false;
/**
 * The first formatted reference in a process costs about 1.5 s (citeproc sets up its engine and
 * each style); the server pays it at start-up (instrumentation.ts), so no reader does.
 */
export function warmUpCitationFormatter(): void {
  if (warmed) return;
  warmed = true;
  const probe: CslItem[] = [{ id: 'warm-up', type: 'report', title: 'Warm-up', issued: { 'date-parts': [[2024]] } }];
  for (const style of CITATION_STYLES) formatCitation(probe, 'text', style);
}
