import { Document, type DocumentData } from 'flexsearch';
import { encodeSearchText, ENCODER_VERSION } from './encode';

/**
 * The one description of what search indexes. Everything else (index build, incremental
 * refresh, snapshot, snippets, the API) reads it; adding a column here is the whole change.
 *
 * Each kind has FlexSearch Document fields, each the concatenation of some columns:
 * - `primary` (claims only): title, statement, original text and its translation. A claim
 *   matching here ranks before one matching only elsewhere (issue 4, "Ranking").
 * - `all`: every searchable column of the record. FlexSearch ANDs query terms within ONE
 *   field, so a mixed query such as "GPT-4 訓練" whose words sit in different columns
 *   (title vs original text) needs a field holding them all; `primary` duplicates part of it,
 *   the price of the ranking tier (measured in scripts/bench-search.ts).
 * `snippetColumns` lists, in order of preference, the columns a snippet may come from.
 */

export const SEARCH_KINDS = ['claim', 'source', 'evidence'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

// `passages`: the claim file's other verbatim passages (headline, lead, body…) and their translations.
export const CLAIM_PRIMARY_COLUMNS = ['title', 'statement', 'original_text', 'original_translation', 'passages'] as const;
export const CLAIM_SECONDARY_COLUMNS = ['claimant', 'topics', 'body_text'] as const;
export const SOURCE_COLUMNS = ['title', 'publisher', 'authors'] as const;
export const EVIDENCE_COLUMNS = ['excerpt', 'translation', 'note'] as const;

export const SEARCH_DESCRIPTOR = {
  claim: {
    fields: { primary: CLAIM_PRIMARY_COLUMNS, all: [...CLAIM_PRIMARY_COLUMNS, ...CLAIM_SECONDARY_COLUMNS] },
    snippetColumns: [...CLAIM_PRIMARY_COLUMNS, ...CLAIM_SECONDARY_COLUMNS],
    filters: ['verdict'],
  },
  source: {
    fields: { all: SOURCE_COLUMNS },
    snippetColumns: SOURCE_COLUMNS,
    filters: ['sourceType'],
  },
  evidence: {
    fields: { all: EVIDENCE_COLUMNS },
    snippetColumns: EVIDENCE_COLUMNS,
    // Evidence has both: the verdict of its claim and the type of its source.
    filters: ['verdict', 'sourceType'],
  },
} as const;

/** Changes whenever the indexed shape or the tokenizer changes: a persisted index must match. */
export const SEARCH_CONFIG_FINGERPRINT = JSON.stringify({ v: ENCODER_VERSION, d: SEARCH_DESCRIPTOR, resolution: 9 });

/** The searchable text of a record, by column (topics and authors already flattened). */
export type SearchText = Record<string, string | null | undefined>;

export interface ClaimSearchRecord {
  id: string;
  verdict: string;
  withdrawn: boolean;
  text: SearchText;
}
export interface SourceSearchRecord {
  id: string;
  type: string;
  text: SearchText;
}
export interface EvidenceSearchRecord {
  id: string;
  claimId: string;
  sourceId: string;
  text: SearchText;
}

export function joinColumns(text: SearchText, columns: readonly string[]): string {
  // A newline between columns keeps a Han run or a number from gluing onto the next column.
  return columns.map((c) => text[c] ?? '').filter(Boolean).join('\n');
}

export function toClaimDocument(r: ClaimSearchRecord): DocumentData {
  const f = SEARCH_DESCRIPTOR.claim.fields;
  return { id: r.id, primary: joinColumns(r.text, f.primary), all: joinColumns(r.text, f.all) };
}
export function toSourceDocument(r: SourceSearchRecord): DocumentData {
  return { id: r.id, all: joinColumns(r.text, SEARCH_DESCRIPTOR.source.fields.all) };
}
export function toEvidenceDocument(r: EvidenceSearchRecord): DocumentData {
  return { id: r.id, all: joinColumns(r.text, SEARCH_DESCRIPTOR.evidence.fields.all) };
}

/**
 * A FlexSearch Document for one kind. `tokenize: "strict"` because the encoder already
 * produced the exact terms (bigrams, numbers); prefix tokenizers would multiply memory.
 * `fastupdate` keeps per-id references so that refreshing one row does not walk the whole
 * index (without it, remove() scans every term list).
 */
export function createKindDocument(kind: SearchKind, options: { fastupdate?: boolean } = {}): Document {
  const fieldNames = Object.keys(SEARCH_DESCRIPTOR[kind].fields);
  return new Document({
    document: {
      id: 'id',
      index: fieldNames.map((field) => ({ field, tokenize: 'strict' as const, encode: encodeSearchText, resolution: 9 })),
    },
    fastupdate: options.fastupdate ?? true,
    cache: false,
  });
}
