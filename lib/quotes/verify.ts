import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { writeWithRevisions } from '../history/revision-kernel';
import { UserFacingError } from '../shared/errors';
import { isSlug } from '../shared/vocabulary';
import { ANCHOR_STATUSES, type AnchorStatus } from './anchor';
import { claimsQuotingSource, PROBLEM_STATUSES } from './refresh';

export interface VerifyReport {
  sourceId: string | null;
  claims: number;
  byStatus: Record<AnchorStatus, number>;
  /** Quotes whose status changed in this run (it should be none unless the rules or data changed outside a write). */
  changed: { key: string; claimId: string; before: AnchorStatus | null; after: AnchorStatus }[];
  /** Counted quotes that are not simply verified, worst first. */
  attention: { key: string; claimId: string; sourceId: string; status: AnchorStatus; distance: number | null; capturedAt: string | null; quote: string }[];
}

const CHUNK = 300;
const RANK: Record<AnchorStatus, number> = { orphan: 0, fuzzy: 1, moved: 2, verified: 3, 'no-capture': 4 };

/**
 * Re-anchors every quote (or those resting on one source) against the newest captures, from
 * scratch, through the revision kernel's derived-state refresh, and reports what it found.
 */
export async function reanchorQuotes(db: Kysely<Database>, options: { sourceId?: string; actor?: string } = {}): Promise<VerifyReport> {
  const sourceId = options.sourceId ?? null;
  if (sourceId !== null && (!isSlug(sourceId) || !(await db.selectFrom('source').select('id').where('id', '=', sourceId).executeTakeFirst()))) {
    throw new UserFacingError('not_found', `no source has id "${sourceId}"`, 'source');
  }
  const { claimIds, before } = await writeWithRevisions(db, { actor: options.actor ?? 'quotes-verify' }, async (w) => {
    const ids = sourceId ? [...(await claimsQuotingSource(w.trx, [sourceId]))].sort() : (await w.trx.selectFrom('claim').select('id').orderBy('id').execute()).map((r) => r.id);
    const previous = new Map<string, AnchorStatus>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      for (const r of await w.trx.selectFrom('quote_anchor').select(['quote_key', 'status']).where('claim_id', 'in', part).execute()) previous.set(r.quote_key, r.status as AnchorStatus);
      // Stored anchors are dropped so that every one is computed again, not reused.
      await w.trx.deleteFrom('quote_anchor').where('claim_id', 'in', part).execute();
    }
    w.touchClaims(ids);
    return { claimIds: ids, before: previous };
  });

  const byStatus = Object.fromEntries(ANCHOR_STATUSES.map((s) => [s, 0])) as Record<AnchorStatus, number>;
  const report: VerifyReport = { sourceId, claims: claimIds.length, byStatus, changed: [], attention: [] };
  for (let i = 0; i < claimIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('quote_anchor as a')
      .leftJoin('evidence as e', 'e.id', 'a.evidence_id')
      .leftJoin('claim_passage as p', (j) => j.onRef('p.claim_id', '=', 'a.claim_id').onRef('p.position', '=', 'a.passage_position'))
      .select(['a.quote_key', 'a.claim_id', 'a.source_id', 'a.status', 'a.counts', 'a.distance', 'a.captured_at', 'e.excerpt', 'p.text'])
      .where('a.claim_id', 'in', claimIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) {
      if (sourceId && r.source_id !== sourceId) continue;
      const status = r.status as AnchorStatus;
      const was = before.get(r.quote_key) ?? null;
      if (was !== status) report.changed.push({ key: r.quote_key, claimId: r.claim_id, before: was, after: status });
      if (r.counts !== 1) continue;
      byStatus[status]++;
      if (status !== 'verified' && status !== 'no-capture') {
        report.attention.push({ key: r.quote_key, claimId: r.claim_id, sourceId: r.source_id, status, distance: r.distance, capturedAt: r.captured_at, quote: r.excerpt ?? r.text ?? '' });
      }
    }
  }
  report.attention.sort((a, b) => RANK[a.status] - RANK[b.status] || a.key.localeCompare(b.key));
  return report;
}

export function countNeedingReview(report: VerifyReport): number {
  return PROBLEM_STATUSES.reduce((n, s) => n + report.byStatus[s], 0);
}
