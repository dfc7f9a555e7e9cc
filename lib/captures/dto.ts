import type { CaptureMethod } from '../../db/schema';
import type { AnchorStatus, TextPositionSelector, TextQuoteSelector } from '../quotes/anchor';

/** An archived copy as lists and the API show it (never its text: see CaptureText). */
export interface CaptureSummary {
  id: string;
  sourceId: string;
  /** 1 for the first copy of the source, 2 for the next… */
  seq: number;
  capturedAt: string;
  capturedBy: string;
  method: CaptureMethod;
  mediaType: string;
  fileName: string | null;
  /** For a fetched copy: the URL asked for and the one answered after redirects. */
  requestedUrl: string | null;
  finalUrl: string | null;
  sha256: string;
  size: number;
  textSha256: string;
  textLength: number;
  title: string | null;
  extractor: string;
}

/** A capture's full text: shown to editors, and to everyone when the source's licence allows. */
export interface CaptureText extends CaptureSummary {
  text: string;
  licence: string | null;
}

/** How the quotes resting on a source anchor in its newest capture. */
export interface AnchorCounts {
  total: number;
  byStatus: Record<AnchorStatus, number>;
}

export interface CaptureAdded {
  capture: CaptureSummary;
  quotes: AnchorCounts;
}

/** Where one quote is in the newest capture of its source, and with what status. */
export interface QuoteAnchor {
  status: AnchorStatus;
  captureId: string | null;
  capturedAt: string | null;
  /** W3C Web Annotation selectors into the capture's text; null when nothing matched. */
  selectors: [TextQuoteSelector, TextPositionSelector] | null;
  /** Edit distance of a fuzzy match (0 when exact). */
  distance: number | null;
  /** How often the exact words occur in the capture. */
  occurrences: number;
}
