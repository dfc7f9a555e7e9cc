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

/**
 * A revision's field differences. A creation's (revision 1) are every field of its snapshot, so
 * they are not stored a second time: its diff is kept empty and made here (half of a new claim's
 * revision row was that copy). Creations logged before keep theirs, which are the same.
 */
export function revisionDiff(r: { revision: number; diff: string; snapshot: string | null }): Diff {
  if (r.revision === 1 && r.diff === '{}' && r.snapshot !== null) return diffRows(null, JSON.parse(r.snapshot) as Record<string, unknown>);
  return JSON.parse(r.diff) as Diff;
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
