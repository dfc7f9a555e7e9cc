import type { Kysely } from 'kysely';
import type { Database, SourceContentRow } from '../../db/schema';
import type { Actor } from '../auth/users';
import { writeWithRevisions } from '../history/revision-kernel';
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
] as const satisfies ReadonlyArray<keyof SourceContentRow>;

/**
 * Restores the content of revision `toRevision` of a source. The restore is itself a new
 * revision (action 'restore'), and like an edit it must name the revision it replaces
 * (`expectedRevision`, the If-Match): 428 without it, 412 when stale, so it cannot
 * silently undo a concurrent edit.
 */
export async function restoreSource(db: Kysely<Database>, id: string, toRevision: number, expectedRevision: number | null, actor: Actor): Promise<SourceContentRow> {
  return writeWithRevisions(db, { actor: actor.email }, async (w) => {
    const trx = w.trx;
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
    const snapshot = JSON.parse(pick.snapshot) as Partial<SourceContentRow>;
    const changes: Partial<SourceContentRow> = {};
    // A field missing from an old snapshot keeps its current value; a stored null is put back as null.
    for (const key of RESTORABLE_SOURCE_FIELDS) {
      if (snapshot[key] !== undefined) (changes as Record<string, unknown>)[key] = snapshot[key];
    }
    return w.update('source', before, changes, { action: 'restore', reason: `restored revision ${pick.revision}` });
  });
}
