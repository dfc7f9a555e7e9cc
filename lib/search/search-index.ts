import type { Document } from 'flexsearch';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import {
  createKindDocument,
  SEARCH_KINDS,
  toClaimDocument,
  toEvidenceDocument,
  toSourceDocument,
  type ClaimSearchRecord,
  type EvidenceSearchRecord,
  type SearchKind,
  type SourceSearchRecord,
} from './descriptor';
import { loadRecordsById, pageRecords, readChangesSince, readSyncCursor, type ChangedIds, type SyncCursor } from './load';

/**
 * The in-memory search index: per kind a `base` FlexSearch Document (built from the whole
 * store, or imported from a snapshot, then never edited) and a small `delta` Document for
 * rows changed since. A changed or deleted row is marked `stale` in the base and, if it
 * still exists, added to the delta.
 *
 * Why not edit the base in place: FlexSearch removes an id either through per-id
 * references (`fastupdate`, which export/import does not support: an imported index has
 * none) or by walking every term list (~all of memory at 100k claims, per removal). With
 * base + delta, a refresh costs only the changed rows, whether the base was built or
 * imported; when the delta grows large the base is rebuilt (see COMPACT_RATIO).
 */

export interface ClaimMeta {
  verdict: string;
  withdrawn: boolean;
}
export interface SourceMeta {
  type: string;
}
export interface EvidenceMeta {
  claimId: string;
  sourceId: string;
}

export interface KindIndex<M> {
  base: Document;
  delta: Document;
  stale: Set<string>;
  meta: Map<string, M>;
  /** Ids currently in the delta. */
  inDelta: Set<string>;
  /** Number of documents in the base (for compaction decisions). */
  baseSize: number;
  /**
   * FlexSearch sees small integers, not record ids: its term lists and its export then hold
   * numbers instead of repeated strings such as "c012345-e1" (a third of the snapshot size
   * and of its parse time at 100k claims). keyOf[n] is the record id of document n.
   */
  keyOf: string[];
  numOf: Map<string, number>;
}

/** The FlexSearch id of a record, assigned on first sight. */
export function numberFor<M>(k: KindIndex<M>, id: string): number {
  let n = k.numOf.get(id);
  if (n === undefined) {
    n = k.keyOf.length;
    k.keyOf.push(id);
    k.numOf.set(id, n);
  }
  return n;
}

export interface SearchIndex {
  claim: KindIndex<ClaimMeta>;
  source: KindIndex<SourceMeta>;
  evidence: KindIndex<EvidenceMeta>;
  cursor: SyncCursor;
  /** Wall-clock time of the last successful sync (for the unlogged-writer fallback). */
  syncedAt: number;
  builtMs: number;
  origin: 'build' | 'snapshot';
}

/** When the delta holds more than this share of the base, a rebuild is cheaper than more deltas. */
export const COMPACT_RATIO = 0.2;
/** Changes below this count are applied as deltas even on a tiny index. */
const MIN_DELTA_BEFORE_COMPACT = 2000;

function createKindIndex<M>(kind: SearchKind, base?: Document): KindIndex<M> {
  return { base: base ?? createKindDocument(kind, { fastupdate: false }), delta: createKindDocument(kind, { fastupdate: true }), stale: new Set(), inDelta: new Set(), meta: new Map(), baseSize: 0, keyOf: [], numOf: new Map() };
}

export function createEmptySearchIndex(): SearchIndex {
  return {
    claim: createKindIndex('claim'),
    source: createKindIndex('source'),
    evidence: createKindIndex('evidence'),
    cursor: { version: -1, revisionId: 0 },
    syncedAt: 0,
    builtMs: 0,
    origin: 'build',
  };
}

const toDocument = { claim: toClaimDocument, source: toSourceDocument, evidence: toEvidenceDocument } as const;

function metaOf(kind: SearchKind, r: ClaimSearchRecord | SourceSearchRecord | EvidenceSearchRecord): ClaimMeta | SourceMeta | EvidenceMeta {
  if (kind === 'claim') {
    const c = r as ClaimSearchRecord;
    return { verdict: c.verdict, withdrawn: c.withdrawn };
  }
  if (kind === 'source') return { type: (r as SourceSearchRecord).type };
  const e = r as EvidenceSearchRecord;
  return { claimId: e.claimId, sourceId: e.sourceId };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface BuildOptions {
  /** Documents added between two yields to the event loop, so requests are served during a build. */
  yieldEvery?: number;
}

/**
 * Builds the whole index from the store. The cursor is read BEFORE the rows, so anything
 * committed during the build is replayed by the next refresh (upserts are idempotent).
 */
export async function buildSearchIndex(db: Kysely<Database>, options: BuildOptions = {}): Promise<SearchIndex> {
  const started = performance.now();
  const yieldEvery = options.yieldEvery ?? 500;
  const index = createEmptySearchIndex();
  index.cursor = await readSyncCursor(db);
  index.syncedAt = Date.now();
  for (const kind of SEARCH_KINDS) {
    const k = index[kind] as KindIndex<unknown>;
    let sinceYield = 0;
    for await (const page of pageRecords(db, kind)) {
      for (const record of page) {
        k.base.add({ ...toDocument[kind](record as never), id: numberFor(k, record.id) });
        k.meta.set(record.id, metaOf(kind, record));
        k.baseSize++;
        if (++sinceYield >= yieldEvery) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
      }
    }
  }
  index.builtMs = performance.now() - started;
  return index;
}

/** Applies a set of changed ids: reloads each row and puts it in the delta, or drops it. */
export async function applySearchChanges(db: Kysely<Database>, index: SearchIndex, changed: ChangedIds): Promise<number> {
  let applied = 0;
  for (const kind of SEARCH_KINDS) {
    const ids = [...changed[kind]];
    if (!ids.length) continue;
    const k = index[kind] as KindIndex<unknown>;
    const records = await loadRecordsById(db, kind, ids);
    const found = new Map(records.map((r) => [r.id, r]));
    for (const id of ids) {
      const known = k.numOf.get(id);
      if (known !== undefined && k.base.contain(known)) k.stale.add(id);
      const record = found.get(id);
      if (record) {
        k.delta.update({ ...toDocument[kind](record as never), id: numberFor(k, id) });
        k.inDelta.add(id);
        k.meta.set(id, metaOf(kind, record));
      } else {
        if (k.inDelta.delete(id)) k.delta.remove(known!);
        k.meta.delete(id);
      }
      applied++;
    }
  }
  return applied;
}

export function deltaShare(index: SearchIndex): number {
  let delta = 0;
  let base = 0;
  for (const kind of SEARCH_KINDS) {
    delta += index[kind].stale.size + index[kind].inDelta.size;
    base += index[kind].baseSize;
  }
  return delta < MIN_DELTA_BEFORE_COMPACT ? 0 : delta / Math.max(1, base);
}

export type RefreshOutcome =
  | { kind: 'unchanged' }
  | { kind: 'applied'; changes: number; ms: number }
  | { kind: 'rebuild-needed'; reason: string };

/**
 * Brings the index up to the store's current data version, incrementally. Cheap when
 * nothing changed (one indexed single-row read). Returns 'rebuild-needed' when the store
 * went backwards (a different or recreated database file) or when the changes are so many
 * that a rebuild is cheaper.
 */
export async function refreshSearchIndex(db: Kysely<Database>, index: SearchIndex): Promise<RefreshOutcome> {
  const version = (await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst())?.version ?? 0;
  if (version === index.cursor.version) return { kind: 'unchanged' };
  if (version < index.cursor.version) return { kind: 'rebuild-needed', reason: 'the data version went backwards (another database?)' };
  const started = performance.now();
  const next = await readSyncCursor(db);
  if (next.revisionId < index.cursor.revisionId) {
    return { kind: 'rebuild-needed', reason: 'the revision log went backwards (another database?)' };
  }
  const changed = await readChangesSince(db, index.cursor);
  const total = changed.claim.size + changed.source.size + changed.evidence.size;
  const base = SEARCH_KINDS.reduce((n, kind) => n + index[kind].baseSize, 0);
  if (total > MIN_DELTA_BEFORE_COMPACT && total > base * COMPACT_RATIO) {
    return { kind: 'rebuild-needed', reason: `${total} changed rows` };
  }
  const changes = await applySearchChanges(db, index, changed);
  index.cursor = next;
  index.syncedAt = Date.now();
  return { kind: 'applied', changes, ms: performance.now() - started };
}
