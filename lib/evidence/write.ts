import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EvidenceRow } from '../../db/schema';
import type { Actor } from '../auth/users';
import { writeWithRevisions } from '../history/revision-kernel';
import { requireRevisionOrThrow, UserFacingError } from '../shared/errors';
import { isSlug } from '../shared/vocabulary';
import { toEvidenceRecord } from './record';
import { acceptSourceForEditor, getSourceRowOrThrow, insertSource } from '../sources/write';
import type { EvidencePatch, NewEvidenceInput } from './input';
import { evidenceQuantityColumns } from '../numbers/columns';
import { resolveEvidenceQuantityOrThrow, type QuantityInput } from '../numbers/input';

export function newEvidenceId(): string {
  return `ev-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

async function getClaimOrThrow(db: Kysely<Database>, claimId: string) {
  const claim = isSlug(claimId) ? await db.selectFrom('claim').select(['id', 'is_withdrawn', 'quantity_measure']).where('id', '=', claimId).executeTakeFirst() : undefined;
  if (!claim) throw new UserFacingError('not_found', `no claim has id "${claimId}"`);
  return claim;
}

export async function getEvidenceRowOrThrow(db: Kysely<Database>, id: string): Promise<EvidenceRow> {
  // An id that is not a slug names nothing; PostgreSQL would even refuse some (NUL) with an error.
  const row = isSlug(id) ? await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw new UserFacingError('not_found', `no evidence entry has id "${id}"`);
  return row;
}

export type Submitter = { kind: 'editor'; actor: Actor } | { kind: 'anonymous'; clientKey: string };

/**
 * Adds an evidence entry to a claim. An editor's entry is accepted at once; anyone
 * else's is stored as a pending proposal (and a new inline source with it stays
 * pending too), counted nowhere until an editor accepts it.
 */
export async function createEvidence(db: Kysely<Database>, claimId: string, input: NewEvidenceInput, who: Submitter): Promise<EvidenceRow> {
  const actorName = who.kind === 'editor' ? who.actor.email : 'anonymous';
  const status = who.kind === 'editor' ? 'accepted' : 'pending';
  return writeWithRevisions(db, { actor: actorName }, async (w) => {
    const { trx, at } = w;
    const claim = await getClaimOrThrow(trx, claimId);
    const quantity = resolveEvidenceQuantityOrThrow(input, claim.quantity_measure);
    let sourceId: string;
    if (input.sourceId) {
      const source = await getSourceRowOrThrow(trx, input.sourceId).catch(() => {
        throw new UserFacingError('invalid', `no source has id "${input.sourceId}"`, 'sourceId');
      });
      if (source.merged_into) {
        throw new UserFacingError('invalid', `source "${source.id}" was merged into "${source.merged_into}": use that id`, 'sourceId');
      }
      if (who.kind === 'editor') await acceptSourceForEditor(w, source);
      else if (source.status === 'rejected') throw new UserFacingError('invalid', `no source has id "${input.sourceId}"`, 'sourceId');
      sourceId = source.id;
    } else {
      sourceId = (await insertSource(w, input.source!, { actor: actorName, status })).id;
    }
    const row: EvidenceRow = {
      id: newEvidenceId(),
      claim_id: claimId,
      source_id: sourceId,
      stance: input.stance,
      target: input.target,
      excerpt: input.excerpt,
      lang: input.lang,
      translation: input.translation,
      locator: input.locator,
      ...evidenceQuantityColumns(quantity),
      // An entry without a figure may still carry a date.
      as_of: quantity?.as_of ?? input.asOf,
      note: input.note,
      status,
      retracted_at: null,
      retracted_reason: null,
      origin: 'user',
      seed_hash: null,
      revision: 1,
      author: actorName,
      created_at: at,
      updated_at: at,
      proposed_by: who.kind === 'anonymous' ? who.clientKey : null,
      reviewed_by: null,
      reviewed_at: null,
      review_reason: null,
    };
    return w.insert('evidence', row, { action: who.kind === 'editor' ? 'create' : 'propose' });
  });
}

/** A patch's `quantity` replaces the whole stated figure (null removes it). */
async function patchedQuantity(trx: Kysely<Database>, before: EvidenceRow, quantity: QuantityInput | null): Promise<Partial<EvidenceRow>> {
  if (quantity === null) return evidenceQuantityColumns(null);
  const claim = await trx.selectFrom('claim').select('quantity_measure').where('id', '=', before.claim_id).executeTakeFirst();
  return evidenceQuantityColumns(resolveEvidenceQuantityOrThrow({ quantity, value: null, unit: null, asOf: null }, claim?.quantity_measure ?? null));
}

export async function updateEvidence(db: Kysely<Database>, id: string, patch: EvidencePatch, expectedRevision: number | null, actor: Actor): Promise<EvidenceRow> {
  return writeWithRevisions(db, { actor: actor.email }, async (w) => {
    const trx = w.trx;
    const before = await getEvidenceRowOrThrow(trx, id);
    requireRevisionOrThrow(before, expectedRevision, 'evidence entry', toEvidenceRecord(before));
    if (patch.sourceId !== undefined) {
      const source = await getSourceRowOrThrow(trx, patch.sourceId).catch(() => {
        throw new UserFacingError('invalid', `no source has id "${patch.sourceId}"`, 'sourceId');
      });
      if (source.merged_into) throw new UserFacingError('invalid', `source "${source.id}" was merged into "${source.merged_into}"`, 'sourceId');
      if (before.status === 'accepted') await acceptSourceForEditor(w, source);
    }
    const changes: Partial<EvidenceRow> = {
      ...(patch.sourceId !== undefined && { source_id: patch.sourceId }),
      ...(patch.stance !== undefined && { stance: patch.stance }),
      ...(patch.target !== undefined && { target: patch.target }),
      ...(patch.excerpt !== undefined && { excerpt: patch.excerpt }),
      ...(patch.lang !== undefined && { lang: patch.lang }),
      ...(patch.translation !== undefined && { translation: patch.translation }),
      ...(patch.locator !== undefined && { locator: patch.locator }),
      ...(patch.value !== undefined && { value: patch.value }),
      ...(patch.unit !== undefined && { unit: patch.unit }),
      ...(patch.asOf !== undefined && { as_of: patch.asOf }),
      ...(patch.quantity !== undefined && (await patchedQuantity(trx, before, patch.quantity))),
      ...(patch.note !== undefined && { note: patch.note }),
    };
    const merged = { ...before, ...changes };
    if (merged.value !== null && !merged.unit) throw new UserFacingError('invalid', 'a numeric value needs a unit', 'unit');
    return w.update('evidence', before, changes, { action: 'update' });
  });
}

/** Retraction is a soft delete with a reason: the entry disappears from pages, its history stays. */
export async function retractEvidence(db: Kysely<Database>, id: string, reason: string, expectedRevision: number | null, actor: Actor): Promise<EvidenceRow> {
  return writeWithRevisions(db, { actor: actor.email }, async (w) => {
    const before = await getEvidenceRowOrThrow(w.trx, id);
    requireRevisionOrThrow(before, expectedRevision, 'evidence entry', toEvidenceRecord(before));
    if (before.retracted_at) throw new UserFacingError('conflict', `evidence "${id}" is already retracted`);
    return w.update('evidence', before, { retracted_at: w.at, retracted_reason: reason }, { action: 'retract', reason });
  });
}

// Fields a restore puts back; identity, bookkeeping and review fields are not rewound.
const RESTORABLE = [
  'source_id', 'stance', 'target', 'excerpt', 'lang', 'translation', 'locator', 'value', 'unit', 'as_of', 'note', 'retracted_at', 'retracted_reason',
  'low', 'high', 'measure', 'price_year', 'geography', 'basis', 'figure_text',
] as const;

/**
 * Restores the content of a past revision (by default the newest one that was not
 * retracted, before the current one). The restore is itself a new revision, and it
 * requires the revision it replaces (If-Match), so it cannot silently undo a concurrent edit.
 */
export async function restoreEvidence(
  db: Kysely<Database>,
  id: string,
  toRevision: number | null,
  expectedRevision: number | null,
  actor: Actor,
): Promise<EvidenceRow> {
  return writeWithRevisions(db, { actor: actor.email }, async (w) => {
    const trx = w.trx;
    const before = await getEvidenceRowOrThrow(trx, id);
    // A restore replaces the current content: like an edit, it must name the version it replaces.
    requireRevisionOrThrow(before, expectedRevision, 'evidence entry', toEvidenceRecord(before));
    const history = await trx.selectFrom('revision').select(['revision', 'snapshot']).where('entity_type', '=', 'evidence').where('entity_id', '=', id).orderBy('id', 'desc').execute();
    const pick =
      toRevision === null
        ? history.find((h) => h.revision < before.revision && (JSON.parse(h.snapshot) as EvidenceRow).retracted_at === null)
        : history.find((h) => h.revision === toRevision);
    if (!pick) {
      throw new UserFacingError(toRevision === null ? 'conflict' : 'not_found', toRevision === null ? 'there is no earlier unretracted version to restore' : `evidence "${id}" has no revision ${toRevision}`, 'revision');
    }
    const snapshot = JSON.parse(pick.snapshot) as EvidenceRow;
    const changes: Partial<EvidenceRow> = {};
    for (const key of RESTORABLE) (changes as Record<string, unknown>)[key] = snapshot[key] ?? null;
    const source = await trx.selectFrom('source').select(['id', 'merged_into']).where('id', '=', snapshot.source_id).executeTakeFirst();
    if (source?.merged_into) changes.source_id = source.merged_into; // keep evidence on the surviving source
    // Accepted evidence rests only on public sources: restoring onto a proposal's source accepts it.
    if (before.status === 'accepted' && changes.source_id) {
      await acceptSourceForEditor(w, await getSourceRowOrThrow(trx, changes.source_id));
    }
    return w.update('evidence', before, changes, { action: 'restore', reason: `restored revision ${pick.revision}` });
  });
}

/** An editor's decision on a pending proposal; the reason is kept with it. */
export async function reviewProposal(db: Kysely<Database>, id: string, decision: 'accept' | 'reject', reason: string | null, actor: Actor): Promise<EvidenceRow> {
  return writeWithRevisions(db, { actor: actor.email }, async (w) => {
    const { trx, at } = w;
    const before = await getEvidenceRowOrThrow(trx, id);
    if (before.status !== 'pending') throw new UserFacingError('conflict', `evidence "${id}" is not a pending proposal (it is ${before.status})`);
    if (decision === 'reject' && !reason) throw new UserFacingError('invalid', 'say why the proposal is rejected', 'reason');
    const status = decision === 'accept' ? 'accepted' : 'rejected';
    const source = await getSourceRowOrThrow(trx, before.source_id);
    if (decision === 'accept') await acceptSourceForEditor(w, source);
    const decided = await w.update('evidence', before, { status, reviewed_by: actor.email, reviewed_at: at, review_reason: reason }, { action: decision, reason });
    if (decision === 'reject' && source.status === 'pending') {
      // A source that only rejected proposals rested on goes with them (kept, never listed).
      const inUse = await trx.selectFrom('evidence').select('id').where('source_id', '=', source.id).where('status', 'in', ['pending', 'accepted']).executeTakeFirst();
      if (!inUse) await w.update('source', source, { status: 'rejected' }, { action: 'reject', reason });
    }
    return decided;
  });
}
