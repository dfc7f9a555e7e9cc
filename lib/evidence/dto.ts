import type { QuoteAnchor } from '../captures/dto';
import type { Stance } from '../shared/vocabulary';
import type { SourceLink } from '../sources/source-link';

/** An accepted evidence entry as pages and the API show it. */
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
  /** Where the excerpt is in the newest archived copy of its source (set where pages show it). */
  anchor?: QuoteAnchor | null;
}
