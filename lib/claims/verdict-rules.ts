import { VERDICT_SCALE, VERDICTS, type Verdict } from '../shared/vocabulary';
import type { ConfidenceBand, CurrentVerdict } from './dto';

/**
 * The rules that turn a claim file and its confidence notes into what every view shows:
 * the current verdict and the confidence band. Pure; the derived state stored on each claim
 * row (lib/history/derived-state.ts) is computed with these, so lists and pages agree.
 */

export const CONFIDENCE_BANDS = ['high', 'medium', 'low', 'none'] as const;

/** Bands used by filters and badges: high ≥ 0.75, medium ≥ 0.4, low below; none when no note gives a figure. */
export function getConfidenceBand(confidence: number | null): ConfidenceBand {
  if (confidence === null) return 'none';
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.4) return 'medium';
  return 'low';
}

export function asVerdict(value: string): Verdict {
  // The store only holds checked values; fall back rather than crash a page on a bad row.
  return (VERDICTS as readonly string[]).includes(value) ? (value as Verdict) : 'unverifiable';
}

export function toCurrentVerdict(value: string, date: string, origin: 'file' | 'note'): CurrentVerdict {
  const verdict = asVerdict(value);
  return { value: verdict, label: VERDICT_SCALE[verdict].label, ratingValue: VERDICT_SCALE[verdict].ratingValue, date, origin };
}

/** A file's verdict_date is a day; it counts from the start of that day (UTC). */
function timeOf(dateOrTimestamp: string): number {
  const t = Date.parse(dateOrTimestamp.length === 10 ? `${dateOrTimestamp}T00:00:00Z` : dateOrTimestamp);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * The current verdict is the newest dated one: the claim file's (verdict_date) or a
 * confidence note's with a verdict (created_at). A note on the file's verdict day wins,
 * since a note is always written after reading the file.
 */
export function pickCurrentVerdict(
  file: { verdict: string; verdictDate: string },
  note: { verdict: string; createdAt: string } | null,
): CurrentVerdict {
  if (note && timeOf(note.createdAt) >= timeOf(file.verdictDate)) {
    return toCurrentVerdict(note.verdict, note.createdAt.slice(0, 10), 'note');
  }
  return toCurrentVerdict(file.verdict, file.verdictDate, 'file');
}

/** The latest day among dates and timestamps ('' when there is none). */
export function maxDay(...dates: (string | null | undefined)[]): string {
  const days = dates.filter((d): d is string => !!d).map((d) => d.slice(0, 10));
  return days.sort().at(-1) ?? '';
}
