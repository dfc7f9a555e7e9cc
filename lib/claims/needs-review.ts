/**
 * The earliest day a partial date can mean ("2025" → 2025-01-01, "2025-10" → 2025-10-01):
 * evidence counts as newer than a verdict only when it certainly is.
 */
export function earliestDay(partial: string | null): string | null {
  if (!partial) return null;
  if (/^\d{4}$/.test(partial)) return `${partial}-01-01`;
  if (/^\d{4}-\d{2}$/.test(partial)) return `${partial}-01`;
  return partial.slice(0, 10);
}

/** The date an evidence entry speaks for: the later of its source's publication and its as-of date. */
export function evidenceDate(sourcePublished: string | null, asOf: string | null): string | null {
  const dates = [earliestDay(sourcePublished), earliestDay(asOf)].filter((d): d is string => d !== null);
  return dates.length ? dates.sort().at(-1)! : null;
}

/** A claim needs review when its newest accepted evidence is dated after its current verdict. */
export function needsReview(verdictDay: string, evidenceDays: Array<string | null>): boolean {
  return evidenceDays.some((d) => d !== null && d > verdictDay.slice(0, 10));
}
