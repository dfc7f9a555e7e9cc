import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import { withWriteTransaction } from '../../db/transaction';
import { LINEAGE_SOURCE_FIELDS } from '../lineage/refresh';
import { initialClaimState, initialSourceState, refreshDerivedState } from './derived-state';
import { bumpDataVersion, diffRows, getDataVersion } from './revisions';

/**
 * The revision kernel: every write to the store goes through `writeWithRevisions`. In one
 * transaction it takes the row before, applies the change, gives the row its next revision
 * number, appends the revision entry (snapshot and field diff, who, why), refreshes the
 * derived state the change affects (list keys, counts, facets) and bumps the data version
 * that page caches and the search index follow. Nothing else writes these tables.
 */

export type RevisionedKind = 'claim' | 'source' | 'evidence' | 'confidence_note' | 'capture';

type NewRow<K extends RevisionedKind> = Insertable<Database[K]>;
type Changes<K extends RevisionedKind> = Updateable<Database[K]>;

/** Columns that are derived (recomputed, never edited) and so left out of revision snapshots. */
export const DERIVED_COLUMNS = {
  claim: [
    'listed', 'sort_title', 'current_verdict', 'current_verdict_date', 'current_verdict_origin', 'current_confidence',
    'confidence_band', 'confidence_asc_key', 'confidence_desc_key', 'last_reviewed', 'needs_review', 'evidence_count', 'facets', 'quote_problem_count',
    // The compiled tree and its plain text follow from body_mdx.
    'body_tree', 'body_text',
  ],
  source: ['listed', 'sort_title', 'published_key', 'claim_count', 'evidence_count', 'use_rank', 'facets'],
  evidence: [],
  confidence_note: [],
  capture: [],
} as const satisfies Record<RevisionedKind, readonly string[]>;

interface KindSpec {
  /** The row carries a revision number (confidence notes are append-only: always 1). */
  versioned: boolean;
  stampsUpdatedAt: boolean;
  claimIdOf: (row: Record<string, unknown>) => string | null;
}

const KINDS: Record<RevisionedKind, KindSpec> = {
  claim: { versioned: true, stampsUpdatedAt: true, claimIdOf: (r) => r.id as string },
  source: { versioned: true, stampsUpdatedAt: true, claimIdOf: () => null },
  evidence: { versioned: true, stampsUpdatedAt: true, claimIdOf: (r) => r.claim_id as string },
  confidence_note: { versioned: false, stampsUpdatedAt: false, claimIdOf: (r) => r.claim_id as string },
  // Archived copies are insert-only: a new copy is a new row.
  capture: { versioned: false, stampsUpdatedAt: false, claimIdOf: () => null },
};

export interface ChangeOptions {
  /** What happened, in the history's words: create, update, retract, restore, merge, accept… */
  action: string;
  reason?: string | null;
  /** Overrides the writer's actor for this one entry (e.g. ingest naming a file's committer). */
  actor?: string;
  /**
   * Content kept outside the row that belongs in the snapshot (a claim's topics, appearances
   * and related links), so the history shows it changing too.
   */
  snapshotExtra?: (row: Record<string, unknown>) => Record<string, unknown>;
  /** For an update: the same content as it was before. */
  snapshotExtraBefore?: Record<string, unknown>;
}

/** Rows per multi-row INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 200;

function snapshotOf(kind: RevisionedKind, row: Record<string, unknown>, extra?: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row, ...extra };
  for (const column of DERIVED_COLUMNS[kind]) delete out[column];
  return out;
}

/** The handle a write gets: reads go through `trx`, every change through the methods below. */
export class RevisionWriter {
  readonly touchedClaims = new Set<string>();
  readonly touchedSources = new Set<string>();
  /** Sources whose date changed: the claims with evidence from them are re-dated. */
  readonly redatedSources = new Set<string>();
  /** Sources whose citations or standing changed: every lineage graph holding them is re-derived. */
  readonly relinkedSources = new Set<string>();
  /** Sources with a new archived copy: every quote resting on them is re-anchored. */
  readonly recapturedSources = new Set<string>();
  /** Claims whose own rows changed (passages, standing): all their quotes are re-checked. */
  readonly requotedClaims = new Set<string>();
  /** Evidence entries written: only their own quotes are re-checked. */
  readonly touchedEvidence = new Set<string>();
  private changed = false;

  constructor(
    readonly trx: Kysely<Database>,
    readonly actor: string,
    readonly at: string,
    /** Whether a write before this one in the same transaction (a group) changed the store. */
    private readonly afterOtherWrites = false,
  ) {}

  /**
   * The store's data version as of before this transaction's writes, or null once anything in
   * it has been written (the version is bumped only at the end): a reader that saw this version
   * earlier knows its read is still current.
   */
  async dataVersionBeforeWrites(): Promise<number | null> {
    if (this.changed || this.afterOtherWrites) return null;
    return getDataVersion(this.trx);
  }

  /** Inserts a new entity at revision 1 and logs its creation. */
  async insert<K extends RevisionedKind, R extends NewRow<K>>(kind: K, row: R, options: ChangeOptions): Promise<R> {
    const [inserted] = await this.insertMany(kind, [row], options);
    return inserted!;
  }

  /** Inserts many new entities (batched), each at revision 1, each with its own log entry. */
  async insertMany<K extends RevisionedKind, R extends NewRow<K>>(kind: K, rows: R[], options: ChangeOptions): Promise<R[]> {
    const spec = KINDS[kind];
    const stamped = rows.map((r) => {
      const out: Record<string, unknown> = { ...r };
      if (spec.versioned) out.revision = 1;
      return out;
    });
    // New rows go in with their initial list keys, so their indexes are written once.
    const initial = (row: Record<string, unknown>) =>
      kind === 'claim' ? { ...row, ...initialClaimState(row as never) } : kind === 'source' ? { ...row, ...initialSourceState(row as never) } : row;
    for (let i = 0; i < stamped.length; i += INSERT_CHUNK) {
      await this.trx.insertInto(kind).values(stamped.slice(i, i + INSERT_CHUNK).map(initial) as never).execute();
    }
    await this.log(kind, stamped.map((after) => ({ before: null, after, revision: 1, options })));
    for (const row of stamped) this.touch(kind, null, row);
    if (kind === 'source') for (const row of stamped) this.relinkedSources.add(row.id as string);
    return stamped as R[];
  }

  /** Applies `changes` to `before` as its next revision, and logs the change. */
  async update<K extends RevisionedKind, R extends { id: string; revision: number }>(kind: K, before: R, changes: Changes<K>, options: ChangeOptions): Promise<R> {
    const spec = KINDS[kind];
    if (!spec.versioned) throw new Error(`${kind} is append-only: add a new one instead of changing it`);
    const prior = before as Record<string, unknown>;
    const set: Record<string, unknown> = { ...changes, revision: (prior.revision as number) + 1 };
    if (spec.stampsUpdatedAt) set.updated_at = this.at;
    // The kinds' tables differ in type; they share the id/revision/updated_at shape used here.
    await (this.trx as unknown as Kysely<Record<string, { id: string }>>)
      .updateTable(kind as string)
      .set(set as never)
      .where('id', '=', prior.id as string)
      .execute();
    const after = { ...prior, ...set };
    await this.log(kind, [{ before: prior, after, revision: set.revision as number, options }]);
    if (kind === 'source' && prior.published !== after.published) this.redatedSources.add(prior.id as string);
    if (kind === 'source' && LINEAGE_SOURCE_FIELDS.some((f) => prior[f] !== after[f])) this.relinkedSources.add(prior.id as string);
    this.touch(kind, prior, after);
    return after as R;
  }

  /** Marks claims whose derived state depends on something this write changed outside them. */
  touchClaims(ids: Iterable<string>): void {
    for (const id of ids) {
      this.touchedClaims.add(id);
      this.requotedClaims.add(id);
    }
    this.changed = true;
  }

  /** Takes over what another write of the same transaction made stale, so one refresh serves both. */
  absorb(other: RevisionWriter): void {
    for (const [mine, theirs] of [
      [this.touchedClaims, other.touchedClaims],
      [this.touchedSources, other.touchedSources],
      [this.redatedSources, other.redatedSources],
      [this.relinkedSources, other.relinkedSources],
      [this.recapturedSources, other.recapturedSources],
      [this.requotedClaims, other.requotedClaims],
      [this.touchedEvidence, other.touchedEvidence],
    ] as const) {
      for (const id of theirs) mine.add(id);
    }
    this.changed ||= other.changed;
  }

  hasChanged(): boolean {
    return this.changed;
  }

  /** Refreshes what the writes made stale and bumps the data version; called once, at the end. */
  async finish(): Promise<void> {
    if (!this.changed) return;
    await refreshDerivedState(this.trx, {
      claims: this.touchedClaims,
      sources: this.touchedSources,
      redatedSources: this.redatedSources,
      relinkedSources: this.relinkedSources,
      recapturedSources: this.recapturedSources,
      requotedClaims: this.requotedClaims,
      evidence: this.touchedEvidence,
    });
    await bumpDataVersion(this.trx, this.at);
  }

  private async log(
    kind: RevisionedKind,
    entries: { before: Record<string, unknown> | null; after: Record<string, unknown>; revision: number; options: ChangeOptions }[],
  ): Promise<void> {
    const rows = entries.map(({ before, after, revision, options }) => {
      const snapshot = snapshotOf(kind, after, options.snapshotExtra?.(after));
      return {
        entity_type: kind,
        entity_id: after.id as string,
        claim_id: KINDS[kind].claimIdOf(after),
        revision,
        action: options.action,
        snapshot: JSON.stringify(snapshot),
        // A creation's diff is its snapshot: kept empty, made when read (revisionDiff).
        diff: before ? JSON.stringify(diffRows(snapshotOf(kind, before, options.snapshotExtraBefore), snapshot)) : '{}',
        actor: options.actor ?? this.actor,
        reason: options.reason ?? null,
        created_at: this.at,
      };
    });
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.trx.insertInto('revision').values(rows.slice(i, i + INSERT_CHUNK)).execute();
    }
    this.changed = true;
  }

  private touch(kind: RevisionedKind, before: Record<string, unknown> | null, after: Record<string, unknown>): void {
    for (const row of before ? [before, after] : [after]) {
      if (kind === 'claim') {
        this.touchedClaims.add(row.id as string);
        this.requotedClaims.add(row.id as string);
      }
      if (kind === 'source') this.touchedSources.add(row.id as string);
      if (kind === 'evidence') {
        this.touchedClaims.add(row.claim_id as string);
        this.touchedSources.add(row.source_id as string);
        this.touchedEvidence.add(row.id as string);
      }
      if (kind === 'confidence_note') this.touchedClaims.add(row.claim_id as string);
      if (kind === 'capture') {
        this.touchedSources.add(row.source_id as string);
        this.recapturedSources.add(row.source_id as string);
      }
    }
  }
}

interface QueuedWrite {
  who: { actor: string; at?: string };
  fn: (writer: RevisionWriter) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Writes waiting for the SQLite write lock of each database, and whether a batch is running. */
const queues = new WeakMap<Kysely<Database>, { waiting: QueuedWrite[]; running: boolean }>();
/** At most this many writes share one commit. */
const MAX_GROUP = 64;

/**
 * Runs `fn` as one write: a write transaction, a RevisionWriter for every change, and the
 * derived-state refresh and data-version bump at the end. Throwing inside rolls back all of it.
 *
 * Group commit: writes of this process that arrive while another holds the write lock queue
 * up and then run together in one transaction, each in its own savepoint (one that throws
 * rolls back alone and rejects alone), with one derived-state refresh for all of them and one
 * commit; every caller is answered after that commit. A write that finds no queue runs alone,
 * exactly as before. The same on PostgreSQL, where writers take one advisory lock and a commit
 * waits for its fsync: a group pays one lock wait and one fsync instead of one each.
 */
export async function writeWithRevisions<T>(
  db: Kysely<Database>,
  who: { actor: string; at?: string },
  fn: (writer: RevisionWriter) => Promise<T>,
): Promise<T> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], running: false }));
  const q = queue;
  return new Promise<T>((resolve, reject) => {
    q.waiting.push({ who, fn, resolve: resolve as (value: unknown) => void, reject });
    if (!q.running) {
      q.running = true;
      // Start on the next turn of the event loop, not now: requests whose bytes have already
      // arrived get read first and join this group, instead of each one committing alone.
      setImmediate(() => void drain(db, q));
    }
  });
}

async function writeAlone<T>(db: Kysely<Database>, who: { actor: string; at?: string }, fn: (writer: RevisionWriter) => Promise<T>): Promise<T> {
  const at = who.at ?? new Date().toISOString();
  return withWriteTransaction(db, async (trx) => {
    const writer = new RevisionWriter(trx, who.actor, at);
    const result = await fn(writer);
    await writer.finish();
    return result;
  });
}

async function drain(db: Kysely<Database>, queue: { waiting: QueuedWrite[]; running: boolean }): Promise<void> {
  try {
    while (queue.waiting.length) await writeGroup(db, queue.waiting.splice(0, MAX_GROUP));
  } finally {
    queue.running = false;
  }
}

async function writeGroup(db: Kysely<Database>, group: QueuedWrite[]): Promise<void> {
  if (group.length === 1) {
    const [only] = group as [QueuedWrite];
    await writeAlone(db, only.who, only.fn).then(only.resolve, only.reject);
    return;
  }
  const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
  try {
    await withWriteTransaction(db, async (trx) => {
      let first: RevisionWriter | null = null;
      for (const [i, job] of group.entries()) {
        const writer: RevisionWriter = new RevisionWriter(trx, job.who.actor, job.who.at ?? new Date().toISOString(), first?.hasChanged() ?? false);
        await sql.raw(`savepoint write_${i}`).execute(trx);
        try {
          const value = await job.fn(writer);
          await sql.raw(`release write_${i}`).execute(trx);
          outcomes[i] = { ok: true, value };
          if (first) first.absorb(writer);
          else first = writer;
        } catch (error) {
          await sql.raw(`rollback to write_${i}`).execute(trx);
          await sql.raw(`release write_${i}`).execute(trx);
          outcomes[i] = { ok: false, error };
        }
      }
      await first?.finish();
    });
  } catch (error) {
    // The commit (or the shared refresh) failed: nothing of the group was stored.
    for (const job of group) job.reject(error);
    return;
  }
  for (const [i, job] of group.entries()) {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  }
}
