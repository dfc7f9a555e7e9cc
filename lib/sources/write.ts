import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SourceContentRow, SourceRow, SourceStatus } from '../../db/schema';
import type { Actor } from '../auth/users';
import type { NewSourceInput, SourcePatch } from '../evidence/input';
import { writeWithRevisions, type RevisionWriter } from '../history/revision-kernel';
import { requireRevisionOrThrow, UserFacingError } from '../shared/errors';
import { isSlug } from '../shared/vocabulary';
import { citationFromInput, serializeCitations, type CitationInput } from './citations';
import { toSourceRecord } from './record';
import { identityKeys } from './identity';

/** The stored content of a source (not its derived list state): what writers read and write. */
export const SOURCE_CONTENT_COLUMNS = [
  'id', 'title', 'publisher', 'authors', 'published', 'url', 'copies', 'accessed', 'type', 'lang', 'reliability',
  'reliability_reason', 'is_verified', 'cites', 'merged_into', 'status', 'licence', 'text_public', 'origin', 'seed_hash', 'revision', 'created_by',
  'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof SourceContentRow>;

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
  const wanted = [...identityKeys(input)];
  if (wanted.length === 0) return null;
  const statuses: SourceStatus[] = options.includePending ? ['accepted', 'pending'] : ['accepted'];
  // source_identity holds every source's normalised URL, DOI and arXiv keys (derived state).
  const row = await db
    .selectFrom('source_identity as si')
    .innerJoin('source as s', 's.id', 'si.source_id')
    .selectAll('s')
    .where('si.identity_key', 'in', wanted)
    .where('s.merged_into', 'is', null)
    .where('s.status', 'in', statuses)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Inserts a source inside a caller's transaction. A duplicate of a public source is refused
 * with 409 and the existing source. An editor is also shown a pending duplicate (and may use
 * it: that accepts it); an anonymous proposal of a pending duplicate quietly joins it, so that
 * nobody learns what others proposed.
 */
export async function insertSource(
  w: RevisionWriter,
  input: NewSourceInput,
  who: { actor: string; status: 'accepted' | 'pending' },
): Promise<SourceContentRow> {
  const at = w.at;
  const duplicate = await findDuplicateSource(w.trx, input, { includePending: true });
  if (duplicate && (duplicate.status === 'accepted' || who.status === 'accepted')) {
    throw new UserFacingError('conflict', `this source already exists as "${duplicate.title}" (${duplicate.id}): use sourceId "${duplicate.id}"`, 'source.url', {
      existing: { id: duplicate.id, title: duplicate.title, url: duplicate.url },
    });
  }
  if (duplicate) return duplicate;
  const row: SourceContentRow = {
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
    licence: null,
    text_public: 0,
    origin: 'user',
    seed_hash: null,
    revision: 1,
    created_by: who.actor,
    created_at: at,
    updated_at: at,
  };
  return w.insert('source', row, { action: 'create', actor: who.actor });
}

export async function createSource(db: Kysely<Database>, input: NewSourceInput, actor: Actor): Promise<SourceContentRow> {
  return writeWithRevisions(db, { actor: actor.email }, (w) => insertSource(w, input, { actor: actor.email, status: 'accepted' }));
}

/**
 * When an editor rests accepted evidence on a source that only a proposal brought (or one
 * whose proposal was rejected), the editor's use is the review: the source becomes public,
 * recorded as a revision.
 */
export async function acceptSourceForEditor(w: RevisionWriter, source: SourceContentRow): Promise<void> {
  if (source.status === 'accepted') return;
  await w.update('source', source, { status: 'accepted' }, { action: 'accept', reason: 'used by accepted evidence' });
}

export async function getSourceRowOrThrow(db: Kysely<Database>, id: string): Promise<SourceContentRow> {
  const row = isSlug(id) ? await db.selectFrom('source').select(SOURCE_CONTENT_COLUMNS).where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw new UserFacingError('not_found', `no source has id "${id}"`);
  return row;
}

export async function updateSource(db: Kysely<Database>, id: string, patch: SourcePatch, expectedRevision: number | null, actor: Actor): Promise<SourceContentRow> {
  return writeWithRevisions(db, { actor: actor.email }, async (w) => {
    const before = await getSourceRowOrThrow(w.trx, id);
    requireRevisionOrThrow(before, expectedRevision, 'source', toSourceRecord(before));
    const changes: Partial<SourceContentRow> = {
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
      ...(patch.cites !== undefined && { cites: await citationsJsonOrThrow(w, before, patch.cites, actor.email) }),
      ...(patch.licence !== undefined && { licence: patch.licence }),
      ...(patch.textPublic !== undefined && { text_public: patch.textPublic ? 1 : 0 }),
    };
    return w.update('source', before, changes, { action: 'update' });
  });
}

/**
 * A source's new citation list as stored: every cited source must be a public, unmerged source
 * other than itself, each named once. A cycle through other sources is allowed (and flagged by
 * lineage): sources do cite each other.
 */
async function citationsJsonOrThrow(w: RevisionWriter, source: SourceContentRow, cites: CitationInput[], actor: string): Promise<string> {
  const ids = cites.map((c) => c.sourceId);
  const found = ids.length
    ? new Map((await w.trx.selectFrom('source').select(['id', 'status', 'merged_into']).where('id', 'in', [...new Set(ids)]).execute()).map((r) => [r.id, r]))
    : new Map();
  const seen = new Set<string>();
  cites.forEach((c, i) => {
    const field = `cites[${i}].sourceId`;
    const target = found.get(c.sourceId);
    if (c.sourceId === source.id) throw new UserFacingError('invalid', 'a source cannot cite itself', field);
    if (seen.has(c.sourceId)) throw new UserFacingError('invalid', `"${c.sourceId}" is cited twice: keep one entry`, field);
    if (!target || target.status !== 'accepted') throw new UserFacingError('invalid', `no source has id "${c.sourceId}": create it first (POST /api/sources)`, field);
    if (target.merged_into) throw new UserFacingError('invalid', `source "${c.sourceId}" was merged into "${target.merged_into}": cite that one`, field);
    seen.add(c.sourceId);
  });
  return serializeCitations(cites.map((c) => citationFromInput(c, actor)));
}

/**
 * Merges `fromId` into `intoId`: every evidence entry moves to the surviving source; the
 * merged source stays (nothing is deleted) with merged_into set, and its page points to the
 * survivor. Claim files that name the merged source keep naming it until they are edited.
 */
export async function mergeSources(db: Kysely<Database>, fromId: string, intoId: string, reason: string, actor: Actor): Promise<{ movedEvidence: string[] }> {
  if (fromId === intoId) throw new UserFacingError('invalid', 'a source cannot be merged into itself', 'into');
  return writeWithRevisions(db, { actor: actor.email }, async (w) => {
    const from = await getSourceRowOrThrow(w.trx, fromId);
    const into = await getSourceRowOrThrow(w.trx, intoId);
    if (from.merged_into) throw new UserFacingError('conflict', `source "${fromId}" was already merged into "${from.merged_into}"`);
    if (into.merged_into) throw new UserFacingError('invalid', `source "${intoId}" was itself merged into "${into.merged_into}": merge into that one`, 'into');
    if (into.status !== 'accepted') throw new UserFacingError('invalid', `source "${intoId}" is not public (${into.status}): accept it before merging into it`, 'into');
    const evidence = await w.trx.selectFrom('evidence').selectAll().where('source_id', '=', fromId).execute();
    for (const e of evidence) await w.update('evidence', e, { source_id: intoId }, { action: 'merge-source', reason });
    await w.update('source', from, { merged_into: intoId }, { action: 'merge', reason: `${reason} (merged into ${intoId})` });
    return { movedEvidence: evidence.map((e) => e.id) };
  });
}
