import type { Root as HastRoot } from 'hast';
import type { EvidenceItem } from '../evidence/dto';
import type { Relation, Stance, Verdict } from '../shared/vocabulary';
import type { SourceLink } from '../sources/source-link';
import type { ClaimPassage } from './passages';

// Shapes owned by other slices, re-exported for the pages that show them with claims.
export type { EvidenceItem } from '../evidence/dto';
export type { SourceLink } from '../sources/source-link';

/**
 * The shapes pages and the JSON API see. Rows never leave the query modules:
 * these DTOs are camelCase, small, and stable (the API documents them).
 */

export type ConfidenceBand = 'high' | 'medium' | 'low' | 'none';

export interface CurrentVerdict {
  value: Verdict;
  label: string;
  /** schema.org ClaimReview ratingValue (5 best … 1 worst), null off the true–false axis. */
  ratingValue: number | null;
  /** YYYY-MM-DD of the verdict (the claim file's verdict_date or the note's day). */
  date: string;
  /** Where the current verdict comes from: the claim file, or a later confidence note. */
  origin: 'file' | 'note';
}


export interface ClaimSummary {
  id: string;
  title: string;
  statement: string;
  claimant: string;
  topics: string[];
  verdict: CurrentVerdict;
  confidence: number | null;
  confidenceBand: ConfidenceBand;
  withdrawn: boolean;
  lastReviewed: string;
  /** Its newest accepted evidence is dated after the current verdict (lib/claims/needs-review.ts). */
  needsReview: boolean;
  /** Quotes of the claim (passages, standing evidence) that their source's newest archived copy does not bear out (lib/quotes). */
  quoteProblemCount: number;
}

/** A source in an appearance chain, with the sources it cites in turn (back to the primary source). */
export interface ChainNode {
  source: SourceLink;
  cites: ChainNode[];
  /** True when this source was already shown higher up the chain (a cycle or a shared ancestor). */
  repeated: boolean;
}

export interface Appearance {
  position: number;
  source: SourceLink;
  date: string | null;
  note: string | null;
  /** What this appearance cited for the claim, each with the cited source's own citations. */
  cites: ChainNode[];
}


export interface ConfidenceNote {
  id: string;
  confidence: number | null;
  verdict: Verdict | null;
  reason: string;
  evidenceIds: string[];
  author: string;
  createdAt: string;
}

export interface RelatedClaim {
  id: string;
  title: string;
  verdict: CurrentVerdict;
  withdrawn: boolean;
}

export interface DeclaredLink extends RelatedClaim {
  relation: Relation;
  /** 'outgoing': this claim's file declares the link; 'incoming': the other claim's file does. */
  direction: 'outgoing' | 'incoming';
}

export interface SharedSourceClaim extends RelatedClaim {
  sharedSourceIds: string[];
  /** The same sources with their titles, for pages (ids alone read as slugs). */
  sharedSources: { id: string; title: string }[];
}

/** A source so many claims rest on that it is named with a count instead of a list. */
export interface HubSource {
  source: SourceLink;
  otherClaims: number;
}

export type ClaimSourceRole = 'appearance' | 'cited' | 'evidence';

export interface ClaimSource extends SourceLink {
  roles: ClaimSourceRole[];
}

/** The claim's figure (lib/numbers/schema.ts): `measure` is a key of db/seed/measures.json, `measureLabel` its words. */
export interface Quantity {
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  measure: string;
  measureLabel: string;
  asOf: string | null;
  priceYear: number | null;
  geography: string | null;
  basis: string | null;
  /** What the figure covers, in the claim file's words. */
  note: string | null;
}

/** Titles of everything the analysis refers to, looked up at render time. */
export interface BodyReferences {
  claims: Record<string, { title: string; withdrawn: boolean }>;
  sources: Record<string, { title: string }>;
}

/**
 * The claim file's plain-text summary of its verdict, with the file verdict it was written for:
 * a later confidence note may change the current verdict, and then the summary is out of date.
 */
export interface VerdictSummary {
  text: string;
  verdict: Verdict;
  /** The file's verdict_date (YYYY-MM-DD). */
  date: string;
}

export interface ClaimDetail extends ClaimSummary {
  /** The claim's revision in the log (it changes with each ingest that changed its file). */
  revision: number;
  /** Null for a claim stored without one (rows written before summaries existed). */
  summary: VerdictSummary | null;
  original: { lang: string; text: string; translation: string };
  /** Every passage the claim file quotes (the first is `original`), each with its anchor in the source's newest capture. */
  passages: ClaimPassage[];
  quantity: Quantity | null;
  appearances: Appearance[];
  /** Accepted evidence by stance: at most CLAIM_PAGE_EVIDENCE_LIMIT entries; `evidenceCount` counts all. */
  evidence: Record<Stance, EvidenceItem[]>;
  evidenceCount: number;
  /** Proposed evidence awaiting review: counted, never shown as evidence. */
  pendingEvidenceCount: number;
  /** The newest notes (at most CLAIM_PAGE_NOTE_LIMIT); `confidenceNoteCount` counts all. */
  confidenceNotes: ConfidenceNote[];
  confidenceNoteCount: number;
  sources: ClaimSource[];
  related: { declared: DeclaredLink[]; incomingCount: number; sharedSource: SharedSourceClaim[]; hubSources: HubSource[] };
  withdrawnAt: string | null;
  updatedAt: string;
  body: { tree: HastRoot; text: string; references: BodyReferences };
}

