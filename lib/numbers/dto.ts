import type { StoredQuantity } from './columns';
import type { ConflictDetail, FigureComparison, Interval } from './compare';

/** A claim's numbers as stored in claim_number.data and returned by the API (`numbers` block). */
export interface ClaimNumbers {
  claimId: string;
  title: string;
  claimed: StoredQuantity;
  measure: { key: string; label: string; dimension: string; family: string | null; member: string | null };
  summary: string;
  /** Typical claimed ÷ evidence factor (1: agreement), null when nothing compares by ratio. */
  deviation: number | null;
  comparisons: FigureComparison[];
  /** Figures the evidence states of other measures: shown, never compared. */
  otherFigures: { evidenceId: string; sourceId: string; sourceTitle: string; stance: string; quantity: StoredQuantity; measureLabel: string }[];
  /** Whether the chart's value axis is logarithmic (the figures spread more than tenfold). */
  logScale: boolean;
  sources: { id: string; title: string }[];
}

export interface NumberConflict {
  claimId: string;
  title: string;
  detail: ConflictDetail;
}

/** One row of /numbers and GET /api/numbers. */
export interface NumberListItem {
  claimId: string;
  title: string;
  measure: string;
  measureLabel: string;
  claimed: string;
  summary: string;
  deviation: number | null;
  figureCount: number;
  conflictCount: number;
}

export interface SeriesPoint {
  member: string;
  measure: string;
  kind: 'claimed' | 'evidence';
  claimId: string;
  label: string;
  interval: Interval;
  stance: string | null;
  relation: 'same' | 'related' | null;
}

export interface NumberSeries {
  family: string;
  unit: string;
  members: string[];
  points: SeriesPoint[];
  /** True when the family held more claims than a series draws (NUMBER_SERIES_MAX_CLAIMS). */
  truncated: boolean;
}
