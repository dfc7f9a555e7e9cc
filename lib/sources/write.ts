import { parseCopies } from '../shared/json-columns';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SourceRow, SourceStatus } from '../../db/schema';
import { withWriteTransaction } from '../../db/transaction';
import type { Actor } from '../auth/users';
import type { NewSourceInput, SourcePatch } from '../evidence/input';
import { bumpDataVersion, recordRevision } from '../history/revisions';
import { requireRevisionOrThrow, UserFacingError } from '../shared/errors';
import { isSlug } from '../shared/vocabulary';
import { toSourceRecord } from './record';
import { identityKeys } from './identity';

export function newSourceId(): string {
  return `src-${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

/**
 * An existing source that is the same document as `input` (by normalised URL or DOI), if any.
 * Rejected sources never count; pending ones only when `includePending` (they are not public).
 */
export async function findDuplicateSource(
  db: Kysely<Database>,
  input: { url: string | null; doi?: string | null },
  options: { includePending: boolean },
): Promise<SourceRow | null> {
  const wanted = identityKeys(input);
  if (wanted.size === 0) return null;
  const statuses: SourceStatus[] = options.includePending ? ['accepted', 'pending'] : ['accepted'];
  const rows = await db.selectFrom('source').selectAll().where('merged_into', 'is', null).where('status', 'in', statuses).execute();
  for (const row of rows) {
    const keys = identityKeys({ url: row.url, copies: parseCopies(row.copies) });
    for (const k of keys) if (wanted.has(k)) return row;
  }
  return null;
}

/**
 * Inserts a source inside a caller's transaction. A duplicate of a public source is refused
 * with 409 and the existing source. An editor is also shown a pending duplicate (and may use
 * it: that accepts it); an anonymous proposal of a pending duplicate quietly joins it, so that
 * nobody learns what others proposed.
 */
export async function insertSource(
  trx: Kysely<Database>,
  input: NewSourceInput,
  who: { actor: string; status: 'accepted' | 'pending' },
  at: string,
): Promise<SourceRow> {
  const duplicate = await findDuplicateSource(trx, input, { includePending: true });
  if (duplicate && (duplicate.status === 'accepted' || who.status === 'accepted')) {
    throw new UserFacingError('conflict', `this source already exists as "${duplicate.title}" (${duplicate.id}): use sourceId "${duplicate.id}"`, 'source.url', {
      existing: { id: duplicate.id, title: duplicate.title, url: duplicate.url },
    });
  }
  if (duplicate) return duplicate;
  const row: SourceRow = {
    id: newSourceId(),
    title: input.title,
    publisher: input.publisher,
    authors: JSON.stringify(input.authors),
    published: input.publishedAt,
    url: input.url ?? (input.doi ? `https://doi.org/${input.doi}` : null),
    copies: '[]',
    accessed: at.slice(0, 10),
    type: input.type,
    lang: input.lang,
    reliability: input.reliability,
    reliability_reason: input.reliabilityReason,
    is_verified: 0,
    cites: '[]',
    merged_into: null,
    status: who.status,
    origin: 'user',
    seed_hash: null,
    revision: 1,
    created_by: who.actor,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('source').values(row).execute();
  await recordRevision(trx, { entityType: 'source', entityId: row.id, revision: 1, action: 'create', before: null, after: row, actor: who.actor, at });
  return row;
}

export async function createSource(db: Kysely<Database>, input: NewSourceInput, actor: Actor): Promise<SourceRow> {
  const at = new Date().toISOString();
  return withWriteTransaction(db, async (trx) => {
    const row = await insertSource(trx, input, { actor: actor.email, status: 'accepted' }, at);
    await bumpDataVersion(trx, at);
    return row;
  });
}

/**
 * When an editor rests accepted evidence on a source that only a proposal brought (or one
 * whose proposal was rejected), the editor's use is the review: the source becomes public,
 * recorded as a revision.
 */
export async function acceptSourceForEditor(trx: Kysely<Database>, source: SourceRow, actor: string, at: string): Promise<void> {
  if (source.status === 'accepted') return;
  const after: SourceRow = { ...source, status: 'accepted', revision: source.revision + 1, updated_at: at };
  await trx.updateTable('source').set({ status: 'accepted', revision: after.revision, updated_at: at }).where('id', '=', source.id).execute();
  await recordRevision(trx, { entityType: 'source', entityId: source.id, revision: after.revision, action: 'accept', before: source, after, actor, reason: 'used by accepted evidence', at });
}

export async function getSourceRowOrThrow(db: Kysely<Database>, id: string): Promise<SourceRow> {
  const row = isSlug(id) ? await db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw new UserFacingError('not_found', `no source has id "${id}"`);
  return row;
}

export async function updateSource(db: Kysely<Database>, id: string, patch: SourcePatch, expectedRevision: number | null, actor: Actor): Promise<SourceRow> {
  const at = new Date().toISOString();
  return withWriteTransaction(db, async (trx) => {
    const before = await getSourceRowOrThrow(trx, id);
    requireRevisionOrThrow(before, expectedRevision, 'source', toSourceRecord(before));
    const changes: Partial<SourceRow> = {
      ...(patch.url !== undefined && { url: patch.url }),
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.publisher !== undefined && { publisher: patch.publisher }),
      ...(patch.authors !== undefined && { authors: JSON.stringify(patch.authors) }),
      ...(patch.publishedAt !== undefined && { published: patch.publishedAt }),
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.lang !== undefined && { lang: patch.lang }),
      ...(patch.reliability !== undefined && { reliability: patch.reliability }),
      ...(patch.reliabilityReason !== undefined && { reliability_reason: patch.reliabilityReason }),
      ...(patch.verified !== undefined && { is_verified: patch.verified ? 1 : 0 }),
      ...(patch.copies !== undefined && { copies: JSON.stringify(patch.copies) }),
    };
    const after: SourceRow = { ...before, ...changes, revision: before.revision + 1, updated_at: at };
    await trx.updateTable('source').set({ ...changes, revision: after.revision, updated_at: at }).where('id', '=', id).execute();
    await recordRevision(trx, { entityType: 'source', entityId: id, revision: after.revision, action: 'update', before, after, actor: actor.email, at });
    await bumpDataVersion(trx, at);
    return after;
  });
}

/**
 * Merges `fromId` into `intoId`: every evidence entry moves to the surviving source; the
 * merged source stays (nothing is deleted) with merged_into set, and its page points to the
 * survivor. Claim files that name the merged source keep naming it until they are edited.
 */
export async function mergeSources(db: Kysely<Database>, fromId: string, intoId: string, reason: string, actor: Actor): Promise<{ movedEvidence: string[] }> {
  if (fromId === intoId) throw new UserFacingError('invalid', 'a source cannot be merged into itself', 'into');
  const at = new Date().toISOString();
  return withWriteTransaction(db, async (trx) => {
    const from = await getSourceRowOrThrow(trx, fromId);
    const into = await getSourceRowOrThrow(trx, intoId);
    if (from.merged_into) throw new UserFacingError('conflict', `source "${fromId}" was already merged into "${from.merged_into}"`);
    if (into.merged_into) throw new UserFacingError('invalid', `source "${intoId}" was itself merged into "${into.merged_into}": merge into that one`, 'into');
    if (into.status !== 'accepted') throw new UserFacingError('invalid', `source "${intoId}" is not public (${into.status}): accept it before merging into it`, 'into');
    const evidence = await trx.selectFrom('evidence').selectAll().where('source_id', '=', fromId).execute();
    for (const e of evidence) {
      const after = { ...e, source_id: intoId, revision: e.revision + 1, updated_at: at };
      await trx.updateTable('evidence').set({ source_id: intoId, revision: after.revision, updated_at: at }).where('id', '=', e.id).execute();
      await recordRevision(trx, { entityType: 'evidence', entityId: e.id, revision: after.revision, action: 'merge-source', before: e, after, actor: actor.email, reason, at });
    }
    const fromAfter = { ...from, merged_into: intoId, revision: from.revision + 1, updated_at: at };
    await trx.updateTable('source').set({ merged_into: intoId, revision: fromAfter.revision, updated_at: at }).where('id', '=', fromId).execute();
    await recordRevision(trx, { entityType: 'source', entityId: fromId, revision: fromAfter.revision, action: 'merge', before: from, after: fromAfter, actor: actor.email, reason: `${reason} (merged into ${intoId})`, at });
    await bumpDataVersion(trx, at);
    return { movedEvidence: evidence.map((e) => e.id) };
  });
}
