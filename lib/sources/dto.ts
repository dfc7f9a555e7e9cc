import type { EvidenceItem } from '../evidence/dto';
import type { KeysetPage } from '../shared/keyset';
import type { CitationBasis, COPY_KINDS, Verdict } from '../shared/vocabulary';
import type { SourceLink } from './source-link';

export interface SourceSummary extends SourceLink {
  authors: string[];
  /** Distinct current claims resting on it: made there, cited by an appearance, or evidence drawn from it. */
  claimCount: number;
  evidenceCount: number;
}

export interface SourceCopyLink {
  url: string;
  kind: (typeof COPY_KINDS)[number];
  note: string | null;
}

export interface SourceClaimUse {
  id: string;
  title: string;
  /** How the claim rests on this source. */
  roles: ('appearance' | 'cited' | 'evidence')[];
  verdict: Verdict;
  withdrawn: boolean;
}

export interface SourceDetail extends SourceSummary {
  lang: string;
  accessed: string | null;
  reliabilityLabel: string;
  reliabilityReason: string;
  verified: boolean;
  copies: SourceCopyLink[];
  mergedInto: SourceLink | null;
  /** How the claims resting on it were judged, in scale order. */
  verdictBreakdown: { verdict: Verdict; label: string; count: number }[];
  /** The first page of the claims resting on it (by title); `next` pages through the rest. */
  claims: KeysetPage<SourceClaimUse>;
  /** The first page of the evidence drawn from it (oldest first). */
  evidence: KeysetPage<EvidenceItem & { claimTitle: string }>;
  /** The sources this one cites (from its record), with how each link is known. */
  cites: (SourceLink & { basis: CitationBasis; locator: string | null; inferredBy: string | null; note: string | null })[];
  /** Sources whose records say they cite this one (at most a page; `citedByCount` counts all). */
  citedBy: SourceLink[];
  citedByCount: number;
  /** Appearances that cited it for a claim (at most a page; `citedInAppearancesCount` counts all). */
  citedInAppearances: { claimId: string; claimTitle: string; source: SourceLink; date: string | null }[];
  citedInAppearancesCount: number;
  updatedAt: string;
}
