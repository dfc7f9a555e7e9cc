import type { Kysely, Selectable } from 'kysely';
import type { Database, RevisionTable } from '../../db/schema';

export interface RevisionEntry {
  id: number;
  entityType: RevisionTable['entity_type'];
  entityId: string;
  revision: number;
  action: string;
  actor: string;
  reason: string | null;
  at: string;
  /** Only the fields a reader cares about, as [before, after]; bookkeeping fields are left out. */
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  /** The entry's excerpt, reason or title after this revision, to say which entry it was. */
  label: string;
}

// Bookkeeping that changes on every write and says nothing to a reader.
const HIDDEN_FIELDS = new Set(['revision', 'updated_at', 'seed_hash', 'origin', 'created_at', 'id', 'claim_id']);

/** Which revisions to list: every revision of these entities of one type. */
type EntitySelection = { entityType: RevisionTable['entity_type']; ids: string[] };

/** One stored revision as a reader sees it: what changed (bookkeeping left out), who, when, why. */
function toRevisionEntry(r: Selectable<RevisionTable>): RevisionEntry {
  const diff = JSON.parse(r.diff) as Record<string, [unknown, unknown]>;
  const snapshot = JSON.parse(r.snapshot) as Record<string, unknown>;
  return {
    id: r.id,
    entityType: r.entity_type,
    entityId: r.entity_id,
    revision: r.revision,
    action: r.action,
    actor: r.actor,
    reason: r.reason,
    at: r.created_at,
    changes: Object.entries(diff)
      .filter(([field]) => !HIDDEN_FIELDS.has(field))
      .map(([field, [before, after]]) => ({ field, before, after })),
    label: String((r.entity_type === 'source' ? snapshot.title : (snapshot.excerpt ?? snapshot.reason)) ?? r.entity_id),
  };
}

/** Every revision of the selected entities, newest first. */
async function listRevisions(db: Kysely<Database>, selections: EntitySelection[]): Promise<RevisionEntry[]> {
  const wanted = selections.filter((s) => s.ids.length > 0);
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('revision')
    .selectAll()
    .where((eb) => eb.or(wanted.map((s) => eb.and([eb('entity_type', '=', s.entityType), eb('entity_id', 'in', s.ids)]))))
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRevisionEntry);
}

/**
 * Every revision of a claim's evidence entries and confidence notes, newest first,
 * with what changed, who changed it and when.
 */
export async function listClaimHistory(db: Kysely<Database>, claimId: string): Promise<RevisionEntry[]> {
  const evidenceIds = (await db.selectFrom('evidence').select('id').where('claim_id', '=', claimId).execute()).map((r) => r.id);
  const noteIds = (await db.selectFrom('confidence_note').select('id').where('claim_id', '=', claimId).execute()).map((r) => r.id);
  return listRevisions(db, [
    { entityType: 'evidence', ids: evidenceIds },
    { entityType: 'confidence_note', ids: noteIds },
  ]);
}

/**
 * Every revision of one source (creation, edits, acceptance with a proposal, merge, restores),
 * newest first, in the same shape as a claim's history.
 */
export async function listSourceHistory(db: Kysely<Database>, sourceId: string): Promise<RevisionEntry[]> {
  return listRevisions(db, [{ entityType: 'source', ids: [sourceId] }]);
}
