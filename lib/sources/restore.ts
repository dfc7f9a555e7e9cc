import type { Kysely } from 'kysely';
import type { Database, SourceRow } from '../../db/schema';
import { withWriteTransaction } from '../../db/transaction';
import type { Actor } from '../auth/users';
import { bumpDataVersion, recordRevision } from '../history/revisions';
import { requireRevisionOrThrow, UserFacingError } from '../shared/errors';
import { toSourceRecord } from './record';
import { getSourceRowOrThrow } from './write';

/**
 * Fields a restore puts back: the source's content. Identity, bookkeeping, the review status and
 * a merge are not rewound (a merge moved evidence; undoing it is not a metadata restore).
 */
export const RESTORABLE_SOURCE_FIELDS = [
  'title',
  'publisher',
  'authors',
  'published',
  'url',
  'copies',
  'accessed',
  'type',
  'lang',
  'reliability',
  'reliability_reason',
  'is_verified',
  'cites',
] as const satisfies ReadonlyArray<keyof SourceRow>;

/**
 * Restores the content of revision `toRevision` of a source. The restore is itself a new
 * revision (action 'restore'), and like an edit it must name the revision it replaces
 * (`expectedRevision`, the If-Match): 428 without it, 412 when stale, so it cannot
 * silently undo a concurrent edit.
 */
export async function restoreSource(db: Kysely<Database>, id: string, toRevision: number, expectedRevision: number | null, actor: Actor): Promise<SourceRow> {
  const at = new Date().toISOString();
  return withWriteTransaction(db, async (trx) => {
    const before = await getSourceRowOrThrow(trx, id);
    requireRevisionOrThrow(before, expectedRevision, 'source', toSourceRecord(before));
    const pick = await trx
      .selectFrom('revision')
      .select(['revision', 'snapshot'])
      .where('entity_type', '=', 'source')
      .where('entity_id', '=', id)
      .where('revision', '=', toRevision)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!pick) throw new UserFacingError('not_found', `source "${id}" has no revision ${toRevision}`, 'revision');
    if (pick.revision === before.revision) throw new UserFacingError('conflict', `revision ${toRevision} is already the current version of source "${id}"`, 'revision');
    const snapshot = JSON.parse(pick.snapshot) as Partial<SourceRow>;
    const changes: Partial<SourceRow> = {};
    // A field missing from an old snapshot keeps its current value; a stored null is put back as null.
    for (const key of RESTORABLE_SOURCE_FIELDS) {
      if (snapshot[key] !== undefined) (changes as Record<string, unknown>)[key] = snapshot[key];
    }
    const after: SourceRow = { ...before, ...changes, revision: before.revision + 1, updated_at: at };
    await trx.updateTable('source').set({ ...changes, revision: after.revision, updated_at: at }).where('id', '=', id).execute();
    await recordRevision(trx, { entityType: 'source', entityId: id, revision: after.revision, action: 'restore', before, after, actor: actor.email, reason: `restored revision ${pick.revision}`, at });
    await bumpDataVersion(trx, at);
    return after;
  });
}
