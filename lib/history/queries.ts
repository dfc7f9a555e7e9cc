import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { Database, RevisionTable } from '../../db/schema';
import { decodeCursorOrThrow, keysetCondition, readDirection, toKeysetPage, type KeysetPage } from '../shared/keyset';
import { COUNT_CAP } from './facet-counts';
import { revisionDiff } from './revisions';

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

/** One stored revision as a reader sees it: what changed (bookkeeping left out), who, when, why. */
function toRevisionEntry(r: Selectable<RevisionTable>): RevisionEntry {
  const diff = revisionDiff(r);
  const snapshot = JSON.parse(r.snapshot) as Record<string, unknown>;
  const label = r.entity_type === 'source' || r.entity_type === 'claim' ? snapshot.title : (snapshot.excerpt ?? snapshot.reason);
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
    label: String(label ?? r.entity_id),
  };
}

export const historyQuerySchema = z.strictObject({
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(1024).optional()),
  pageSize: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(200).default(50)),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

type RevisionSelection = SelectQueryBuilder<Database & { r: RevisionTable }, 'r', object>;

/** A page of revisions, newest first, keyset on the log's own id (one index range whatever the depth). */
async function pageRevisions(db: Kysely<Database>, selection: RevisionSelection, query: Partial<HistoryQuery>): Promise<KeysetPage<RevisionEntry>> {
  const q = historyQuerySchema.parse(query);
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, 'newest') : null;
  const rows = await selection
    .selectAll('r')
    .where((eb) => keysetCondition(eb, ['r.id'], cursor, false))
    .orderBy('r.id', readDirection(false, cursor))
    .limit(q.pageSize + 1)
    .execute();
  const counted = await db
    .selectFrom(selection.select('r.id').limit(COUNT_CAP + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  return toKeysetPage(rows as Selectable<RevisionTable>[], {
    pageSize: q.pageSize,
    cursor,
    order: 'newest',
    keyOf: (r) => [r.id],
    map: toRevisionEntry,
    total: Math.min(n, COUNT_CAP),
    totalIsLowerBound: n > COUNT_CAP,
  });
}

/**
 * A claim's history, newest first: its own revisions (what each ingest changed, and who
 * committed it), its evidence entries' and its confidence notes'. Readers (`publicOnly`) do
 * not see the revisions of proposals or rejected entries.
 */
export async function listClaimHistory(
  db: Kysely<Database>,
  claimId: string,
  query: Partial<HistoryQuery> & { publicOnly?: boolean } = {},
): Promise<KeysetPage<RevisionEntry>> {
  let selection = db.selectFrom('revision as r').where('r.claim_id', '=', claimId) as RevisionSelection;
  if (query.publicOnly) {
    selection = selection.where((eb) =>
      eb.or([
        eb('r.entity_type', '!=', 'evidence'),
        eb.exists(eb.selectFrom('evidence as e').select('e.id').whereRef('e.id', '=', 'r.entity_id').where('e.status', '=', 'accepted')),
      ]),
    );
  }
  const { publicOnly: _publicOnly, ...page } = query;
  return pageRevisions(db, selection, page);
}

/**
 * Every revision of one source (creation, edits, acceptance with a proposal, merge, restores),
 * newest first, in the same shape as a claim's history.
 */
export async function listSourceHistory(db: Kysely<Database>, sourceId: string, query: Partial<HistoryQuery> = {}): Promise<KeysetPage<RevisionEntry>> {
  return pageRevisions(db, db.selectFrom('revision as r').where('r.entity_type', '=', 'source').where('r.entity_id', '=', sourceId) as RevisionSelection, query);
}
