import 'server-only';
import type { Db } from '../../db/client';
import type { Actor } from '../auth/users';
import { getEvidenceAnchors } from '../captures/queries';
import type { EvidenceRow } from '../../db/schema';
import { UserFacingError } from '../shared/errors';
import { isSlug } from '../shared/vocabulary';
import { toEvidenceRecord } from './record';

/**
 * Proposals (pending or rejected) and retracted entries are for editors only. To anyone else
 * they answer exactly as an unknown id does, so ids cannot be probed.
 */
export async function getVisibleEvidenceRowOrThrow(db: Db, id: string, viewer: Actor | null): Promise<EvidenceRow> {
  const row = isSlug(id) ? await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  const visible = row && (viewer !== null || (row.status === 'accepted' && !row.retracted_at));
  if (!visible) throw new UserFacingError('not_found', `no evidence entry has id "${id}"`);
  return row;
}

/** The record with its quote anchor (where the excerpt is in its source's newest archived copy). */
export async function toEvidenceWithAnchor(db: Db, row: EvidenceRow) {
  const anchor = (await getEvidenceAnchors(db, [row.id])).get(row.id) ?? null;
  return { ...toEvidenceRecord(row), anchor };
}
