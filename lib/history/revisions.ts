import type { Kysely } from 'kysely';
import type { Database, RevisionTable } from '../../db/schema';

export type EntityType = RevisionTable['entity_type'];
export type Diff = Record<string, [unknown, unknown]>;

/** Field-by-field difference between two versions of a row (before may be null: a creation). */
export function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown>): Diff {
  const diff: Diff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of keys) {
    const a = before ? (before[key] ?? null) : null;
    const b = after[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) diff[key] = [a, b];
  }
  return diff;
}

export interface RevisionInput {
  entityType: EntityType;
  entityId: string;
  revision: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  actor: string;
  reason?: string | null;
  at: string;
}

/** Appends one entry to the revision log (which the database refuses to edit or delete). */
export async function recordRevision(trx: Kysely<Database>, input: RevisionInput): Promise<void> {
  await trx
    .insertInto('revision')
    .values({
      entity_type: input.entityType,
      entity_id: input.entityId,
      revision: input.revision,
      action: input.action,
      snapshot: JSON.stringify(input.after),
      diff: JSON.stringify(diffRows(input.before, input.after)),
      actor: input.actor,
      reason: input.reason ?? null,
      created_at: input.at,
    })
    .execute();
}

/** Bumps the store's data version so that caches in every process see that something changed. */
export async function bumpDataVersion(trx: Kysely<Database>, at: string): Promise<void> {
  await trx
    .updateTable('data_version')
    .set((eb) => ({ version: eb('version', '+', 1), changed_at: at }))
    .where('id', '=', 1)
    .execute();
}

export async function getDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version ?? 0;
}
