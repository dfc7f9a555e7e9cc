import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

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

/**
 * The newest evidence date per claim, over accepted, unretracted evidence, for a set of
 * claims (all when `claimIds` is omitted). Pages combine it with the current verdict's date.
 */
export async function getNewestEvidenceDates(db: Kysely<Database>, claimIds?: string[]): Promise<Map<string, string>> {
  if (claimIds && claimIds.length === 0) return new Map();
  let q = db
    .selectFrom('evidence')
    .innerJoin('source', 'source.id', 'evidence.source_id')
    .select(['evidence.claim_id', 'evidence.as_of', 'source.published'])
    .where('evidence.status', '=', 'accepted')
    .where('evidence.retracted_at', 'is', null);
  if (claimIds) q = q.where('evidence.claim_id', 'in', claimIds);
  const newest = new Map<string, string>();
  for (const row of await q.execute()) {
    const d = evidenceDate(row.published, row.as_of);
    if (d && (newest.get(row.claim_id) ?? '') < d) newest.set(row.claim_id, d);
  }
  return newest;
}
