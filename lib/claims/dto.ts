import type { Root as HastRoot } from 'hast';
import { RELIABILITY_GRADES, SOURCE_TYPES, type ReliabilityGrade, type Relation, type SourceType, type Stance, type Verdict } from '../shared/vocabulary';

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

export interface SourceLink {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  type: SourceType;
  reliability: ReliabilityGrade;
  url: string | null;
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

export interface EvidenceItem {
  id: string;
  claimId: string;
  stance: Stance;
  target: string;
  excerpt: string;
  lang: string;
  translation: string | null;
  locator: string | null;
  value: number | null;
  unit: string | null;
  asOf: string | null;
  note: string | null;
  author: string;
  createdAt: string;
  source: SourceLink;
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
}

export type ClaimSourceRole = 'appearance' | 'cited' | 'evidence';

export interface ClaimSource extends SourceLink {
  roles: ClaimSourceRole[];
}

export interface Quantity {
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  measure: string;
  asOf: string | null;
}

/** Titles of everything the analysis refers to, looked up at render time. */
export interface BodyReferences {
  claims: Record<string, { title: string; withdrawn: boolean }>;
  sources: Record<string, { title: string }>;
}

export interface ClaimDetail extends ClaimSummary {
  original: { lang: string; text: string; translation: string };
  quantity: Quantity | null;
  appearances: Appearance[];
  evidence: Record<Stance, EvidenceItem[]>;
  /** Proposed evidence awaiting review: counted, never shown as evidence. */
  pendingEvidenceCount: number;
  confidenceNotes: ConfidenceNote[];
  sources: ClaimSource[];
  related: { declared: DeclaredLink[]; sharedSource: SharedSourceClaim[] };
  withdrawnAt: string | null;
  updatedAt: string;
  body: { tree: HastRoot; text: string; references: BodyReferences };
}

export const sourceLinkColumns = ['id', 'title', 'publisher', 'published', 'type', 'reliability', 'url'] as const;

/** The one mapper from a source row to the link every page and API response uses. */
export function toSourceLink(r: {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  type: string;
  reliability: string;
  url: string | null;
}): SourceLink {
  return {
    id: r.id,
    title: r.title,
    publisher: r.publisher,
    published: r.published,
    type: (SOURCE_TYPES as readonly string[]).includes(r.type) ? (r.type as SourceType) : 'blog',
    reliability: (RELIABILITY_GRADES as readonly string[]).includes(r.reliability) ? (r.reliability as ReliabilityGrade) : 'U',
    url: r.url,
  };
}

