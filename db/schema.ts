import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The typed shape of the store. Timestamps are ISO-8601 text; booleans are
 * 0 | 1 integers; JSON lists are text columns (portable to PostgreSQL as-is).
 */

type Bool = 0 | 1;

/** 'seed' rows come from db/seed/*.json via ingest; 'user' rows from the site, API or CLI. */
export type Origin = 'seed' | 'user';

export interface ClaimTable {
  id: string;
  file_path: string;
  title: string;
  statement: string;
  original_lang: string;
  original_text: string;
  original_translation: string;
  claimant: string;
  verdict: string;
  verdict_date: string;
  /** The file's plain-text summary of the verdict ('' for rows written without one). */
  summary: Generated<string>;
  /** 'published' | 'draft' (lib/claims/schema.ts CLAIM_STATUSES): a draft is never listed. */
  status: Generated<string>;
  quantity_value: number | null;
  quantity_low: number | null;
  quantity_high: number | null;
  quantity_unit: string | null;
  quantity_measure: string | null;
  quantity_as_of: string | null;
  /** The rest of the claim's quantity (lib/numbers/schema.ts); quantity_measure is a measure key. */
  quantity_price_year: ColumnType<number | null, number | null | undefined, number | null>;
  quantity_geography: ColumnType<string | null, string | null | undefined, string | null>;
  quantity_basis: ColumnType<string | null, string | null | undefined, string | null>;
  quantity_note: ColumnType<string | null, string | null | undefined, string | null>;
  body_mdx: string;
  /** The analysis as a hast tree (JSON), rendered without evaluating any code. */
  body_tree: string;
  /** Plain text of the analysis, for search and descriptions. */
  body_text: string;
  content_hash: string;
  is_withdrawn: Bool;
  withdrawn_at: string | null;
  ingested_at: string;
  updated_at: string;
  revision: Generated<number>;
  // Derived state (lib/history/derived-state.ts): what lists show, filter and sort by, refreshed
  // in the transaction of every write that can change it. Never written anywhere else.
  listed: Generated<Bool>;
  sort_title: Generated<string>;
  current_verdict: Generated<string>;
  current_verdict_date: Generated<string>;
  current_verdict_origin: Generated<'file' | 'note'>;
  current_confidence: Generated<number | null>;
  confidence_band: Generated<string>;
  confidence_asc_key: Generated<number>;
  confidence_desc_key: Generated<number>;
  last_reviewed: Generated<string>;
  needs_review: Generated<Bool>;
  evidence_count: Generated<number>;
  /** JSON string[]: the facet_count buckets this claim is counted in. */
  facets: Generated<string>;
  /** How many of its quotes (passages, standing evidence) are orphaned or only approximate in their source's newest capture. */
  quote_problem_count: Generated<number>;
}

export interface ClaimTopicTable {
  claim_id: string;
  topic: string;
  listed: Generated<Bool>;
  sort_title: Generated<string>;
}

export interface ClaimAppearanceTable {
  claim_id: string;
  position: number;
  source_id: string;
  date: string | null;
  note: string | null;
  /** 1 when the appearance lists what it cited for this claim (replacing the source's own cites). */
  cites_own: Generated<Bool>;
  /** What this source said, verbatim, in its language, and a translation. */
  said_lang: ColumnType<string | null, string | null | undefined, string | null>;
  said_text: ColumnType<string | null, string | null | undefined, string | null>;
  said_translation: ColumnType<string | null, string | null | undefined, string | null>;
  /** The figure it states: a value or a range, and a unit. */
  figure_value: ColumnType<number | null, number | null | undefined, number | null>;
  figure_low: ColumnType<number | null, number | null | undefined, number | null>;
  figure_high: ColumnType<number | null, number | null | undefined, number | null>;
  figure_unit: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A citation's details: where the link is made, stated or inferred, and by whom. */
interface CitationColumns {
  locator: ColumnType<string | null, string | null | undefined, string | null>;
  basis: ColumnType<'stated' | 'inferred', 'stated' | 'inferred' | undefined, 'stated' | 'inferred'>;
  inferred_by: ColumnType<string | null, string | null | undefined, string | null>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AppearanceCiteTable extends CitationColumns {
  claim_id: string;
  position: number;
  cited_source_id: string;
}

export interface ClaimLinkTable {
  from_claim_id: string;
  to_claim_id: string;
  relation: string;
}

export type SourceStatus = 'accepted' | 'pending' | 'rejected';

export interface SourceTable {
  id: string;
  title: string;
  publisher: string | null;
  authors: string; // JSON string[]
  published: string | null; // YYYY, YYYY-MM or YYYY-MM-DD
  url: string | null;
  copies: string; // JSON SourceCopy[]
  accessed: string | null;
  type: string;
  lang: string;
  reliability: string;
  reliability_reason: string;
  is_verified: Bool;
  cites: string; // JSON Citation[] (lib/sources/citations.ts); older rows: string[] of source ids
  merged_into: string | null;
  /**
   * 'pending' while it rests only on an unreviewed proposal, 'rejected' when that proposal
   * was rejected: neither is listed publicly.
   */
  status: ColumnType<SourceStatus, SourceStatus | undefined, SourceStatus>;
  /** The licence the source's text is under, when known (e.g. "CC BY-NC-ND 4.0"). */
  licence: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 when its licence lets readers see the full text of its captures; otherwise editors only. */
  text_public: ColumnType<Bool, Bool | undefined, Bool>;
  origin: Origin;
  seed_hash: string | null;
  revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  // Derived state (lib/history/derived-state.ts).
  listed: Generated<Bool>;
  sort_title: Generated<string>;
  published_key: Generated<string>;
  claim_count: Generated<number>;
  evidence_count: Generated<number>;
  use_rank: Generated<number>;
  /** JSON string[]: the facet_count buckets this source is counted in. */
  facets: Generated<string>;
}

export interface EvidenceTable {
  id: string;
  claim_id: string;
  source_id: string;
  stance: string;
  target: string;
  excerpt: string;
  lang: string;
  translation: string | null;
  locator: string | null;
  value: number | null;
  unit: string | null;
  as_of: string | null;
  /** The rest of the quantity it states (lib/numbers/schema.ts): an open-ended range, its measure, price year… */
  low: ColumnType<number | null, number | null | undefined, number | null>;
  high: ColumnType<number | null, number | null | undefined, number | null>;
  measure: ColumnType<string | null, string | null | undefined, string | null>;
  price_year: ColumnType<number | null, number | null | undefined, number | null>;
  geography: ColumnType<string | null, string | null | undefined, string | null>;
  basis: ColumnType<string | null, string | null | undefined, string | null>;
  figure_text: ColumnType<string | null, string | null | undefined, string | null>;
  note: string | null;
  status: string; // accepted | pending | rejected
  retracted_at: string | null;
  retracted_reason: string | null;
  origin: Origin;
  seed_hash: string | null;
  revision: number;
  author: string;
  created_at: string;
  updated_at: string;
  /** For proposals: a hash of the client that proposed it (never the raw address). */
  proposed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_by: ColumnType<string | null, string | null | undefined, string | null>;
  reviewed_at: ColumnType<string | null, string | null | undefined, string | null>;
  review_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export type Role = 'editor' | 'admin';

export interface UserTable {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  is_disabled: Bool;
  /** The name shown on /about; null: not listed (migration 0017). */
  public_name: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie's token: a stolen database does not yield live sessions. */
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: ColumnType<number, number | undefined, number>;
  window_start: number;
  locked_until: ColumnType<number, number | undefined, number>;
  email: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

export interface ConfidenceNoteTable {
  id: string;
  claim_id: string;
  confidence: number | null;
  verdict: string | null;
  reason: string;
  evidence_ids: string; // JSON string[]
  origin: Origin;
  seed_hash: string | null;
  author: string;
  created_at: string;
}

export type CaptureMethod = 'upload' | 'fetch' | 'seed';

/** One archived copy of a source: insert-only (a new copy is a new row); its bytes and text are in capture_content. */
export interface CaptureTable {
  id: string;
  source_id: string;
  /** 1, 2, 3… per source, in the order they were taken. */
  seq: number;
  method: CaptureMethod;
  media_type: string;
  file_name: string | null;
  requested_url: string | null;
  final_url: string | null;
  raw_sha256: string;
  raw_size: number;
  text_sha256: string;
  text_length: number;
  title: string | null;
  /** Which extractor made the text (library and version), so a later one can redo it. */
  extractor: string;
  origin: Origin;
  captured_by: string;
  captured_at: string;
}

export interface CaptureContentTable {
  capture_id: string;
  raw: Buffer;
  /** The readable text, normalised (lib/quotes/normalize.ts). */
  text: string;
}

/** A verbatim passage of its source that a claim file quotes; position 0 is the main one. */
export interface ClaimPassageTable {
  claim_id: string;
  position: number;
  lang: string;
  text: string;
  translation: string;
  locator: string | null;
}

/** Where a quote is in the newest capture of its source (derived; lib/quotes/refresh.ts). */
export interface QuoteAnchorTable {
  quote_key: string;
  claim_id: string;
  source_id: string;
  evidence_id: string | null;
  passage_position: number | null;
  counts: Bool;
  status: string;
  capture_id: string | null;
  captured_at: string | null;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start_pos: number | null;
  end_pos: number | null;
  distance: number | null;
  occurrences: number;
  basis: string;
}

export interface RevisionTable {
  id: Generated<number>;
  entity_type: 'claim' | 'source' | 'evidence' | 'confidence_note' | 'capture';
  entity_id: string;
  /** The claim the entry belongs to (the claim itself, or an evidence entry's or note's claim). */
  claim_id: ColumnType<string | null, string | null | undefined, never>;
  revision: number;
  action: string;
  snapshot: string; // JSON of the row after the write
  /** JSON { field: [before, after] }; a creation's (revision 1) is stored `{}`, read with revisionDiff (lib/history/revisions.ts). */
  diff: string;
  actor: string;
  reason: string | null;
  created_at: string;
}

export interface IngestRunTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string;
  added: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  report: string; // JSON
}

/** A single-row counter bumped by every write, so caches in any process can tell the data changed. */
export interface DataVersionTable {
  id: ColumnType<number, number, never>;
  version: number;
  changed_at: string;
}

/** Which current claims rest on a source, and how (derived; lib/history/derived-state.ts). */
export interface SourceClaimTable {
  source_id: string;
  claim_id: string;
  sort_title: string;
  via_appearance: Bool;
  via_citation: Bool;
  evidence_count: number;
}

export interface SourceCiteTable extends CitationColumns {
  source_id: string;
  cited_source_id: string;
  position: number;
}

/** A claim's lineage graph and its counts (derived; lib/lineage/refresh.ts). */
export interface ClaimLineageTable {
  claim_id: string;
  source_count: number;
  independent_count: number;
  independent_stated_count: number;
  support_source_count: number;
  support_independent_count: number;
  first_source_id: string | null;
  first_date: string | null;
  flag_count: number;
  /** JSON StoredLineage (lib/lineage/graph.ts). */
  graph: string;
}

/** A source in a current claim's graph (derived). `direct`: an appearance or evidence source of it. */
export interface LineageNodeTable {
  claim_id: string;
  source_id: string;
  direct: Bool;
}

/** What a source derives from, transitively, to a bounded depth (derived). */
export interface SourceUpstreamTable {
  source_id: string;
  upstream_id: string;
  depth: number;
}

/** How much derives from a source; roots listed by it (derived). */
export interface SourceLineageTable {
  source_id: string;
  is_root: Generated<Bool>;
  derived_sources: Generated<number>;
  derived_claims: Generated<number>;
  listed_root: Generated<Bool>;
  claims_key: Generated<number>;
  sources_key: Generated<number>;
}

export interface SourceIdentityTable {
  identity_key: string;
  source_id: string;
}

export interface FacetCountTable {
  facet: string;
  value: string;
  count: number;
}

export interface IngestFileTable {
  path: string;
  size: number;
  mtime_ms: number;
  content_hash: string;
  claim_id: string | null;
  /** For a seed file: the ids it defined, a JSON array. */
  defines: string | null;
}

/** A claims folder as the last ingest left it (lib/claims/folder-snapshot.ts). */
export interface IngestFolderTable {
  path: string;
  snapshot: Uint8Array;
}

export interface ClaimBodyRefTable {
  claim_id: string;
  target_kind: 'claim' | 'source';
  target_id: string;
}

export interface StoreMetaTable {
  key: string;
  value: string;
}

/** Derived (lib/numbers/refresh.ts): a listed numeric claim's comparison, chart and sort keys. */
export interface ClaimNumberTable {
  claim_id: string;
  measure: string;
  sort_title: string;
  family: string | null;
  /** |log10| of the typical claimed ÷ evidence factor; -1 when nothing compares (sorts last, descending). */
  deviation_key: number;
  figure_count: number;
  conflict_count: number;
  period_start: string | null;
  period_end: string | null;
  claimed_low: number | null;
  claimed_high: number | null;
  summary: string;
  /** JSON ClaimNumbers (lib/numbers/dto.ts). */
  data: string;
  chart_svg: string;
}

export interface NumberConflictTable {
  claim_id: string;
  other_claim_id: string;
  measure: string;
  /** JSON ConflictDetail. */
  detail: string;
}

export interface NumberSeriesTable {
  family: string;
  data: string;
  chart_svg: string;
}

export interface Database {
  claim: ClaimTable;
  claim_topic: ClaimTopicTable;
  claim_appearance: ClaimAppearanceTable;
  appearance_cite: AppearanceCiteTable;
  claim_link: ClaimLinkTable;
  source: SourceTable;
  evidence: EvidenceTable;
  confidence_note: ConfidenceNoteTable;
  revision: RevisionTable;
  ingest_run: IngestRunTable;
  data_version: DataVersionTable;
  user: UserTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  rate_limit: RateLimitTable;
  sign_in_throttle: SignInThrottleTable;
  source_claim: SourceClaimTable;
  source_cite: SourceCiteTable;
  claim_lineage: ClaimLineageTable;
  lineage_node: LineageNodeTable;
  source_upstream: SourceUpstreamTable;
  source_lineage: SourceLineageTable;
  source_identity: SourceIdentityTable;
  facet_count: FacetCountTable;
  ingest_file: IngestFileTable;
  ingest_folder: IngestFolderTable;
  claim_body_ref: ClaimBodyRefTable;
  store_meta: StoreMetaTable;
  capture: CaptureTable;
  capture_content: CaptureContentTable;
  claim_passage: ClaimPassageTable;
  quote_anchor: QuoteAnchorTable;
  claim_number: ClaimNumberTable;
  number_conflict: NumberConflictTable;
  number_series: NumberSeriesTable;
}

export type ClaimRow = Selectable<ClaimTable>;
export type NewClaimRow = Insertable<ClaimTable>;
export type SourceRow = Selectable<SourceTable>;
export type NewSourceRow = Insertable<SourceTable>;
export type SourceRowUpdate = Updateable<SourceTable>;
/** A source as its writers hold it: the stored content, without the derived list state. */
export type SourceContentRow = Omit<SourceRow, 'listed' | 'sort_title' | 'published_key' | 'claim_count' | 'evidence_count' | 'use_rank' | 'facets'>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type NewEvidenceRow = Insertable<EvidenceTable>;
export type ConfidenceNoteRow = Selectable<ConfidenceNoteTable>;
export type NewConfidenceNoteRow = Insertable<ConfidenceNoteTable>;
export type RevisionRow = Selectable<RevisionTable>;
export type UserRow = Selectable<UserTable>;
export type CaptureRow = Selectable<CaptureTable>;
export type NewCaptureRow = Insertable<CaptureTable>;
