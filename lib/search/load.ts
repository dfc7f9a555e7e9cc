import { parseStringList } from '../shared/json-columns';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ClaimSearchRecord, EvidenceSearchRecord, SourceSearchRecord } from './descriptor';

/**
 * Reads the records search indexes, in pages (a 100k-claim corpus does not fit in one
 * result set comfortably) or by id (incremental refresh). Only public rows are returned:
 * published claims (no drafts); accepted, unretracted evidence; sources not merged into another.
 */

type Db = Kysely<Database>;
const ID_CHUNK = 500;

function chunks<T>(items: T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A claim's passages after the main one (which is original_text), with their translations, as one text. */
export async function loadOtherPassages(db: Db, claimIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string[]>();
  for (const ids of chunks(claimIds)) {
    const rows = await db.selectFrom('claim_passage').select(['claim_id', 'text', 'translation']).where('claim_id', 'in', ids).where('position', '>', 0).orderBy('claim_id').orderBy('position').execute();
    for (const r of rows) out.set(r.claim_id, [...(out.get(r.claim_id) ?? []), r.text, r.translation]);
  }
  return new Map([...out].map(([id, parts]) => [id, parts.join('\n')]));
}

async function claimsWhere(db: Db, page: { after?: string; ids?: string[]; limit?: number }): Promise<ClaimSearchRecord[]> {
  let q = db
    .selectFrom('claim')
    .select(['id', 'title', 'statement', 'original_text', 'original_translation', 'claimant', 'body_text', 'current_verdict', 'is_withdrawn'])
    .where('status', '=', 'published')
    .orderBy('id');
  if (page.ids) q = q.where('id', 'in', page.ids);
  if (page.after !== undefined) q = q.where('id', '>', page.after);
  if (page.limit) q = q.limit(page.limit);
  const rows = await q.execute();
  if (!rows.length) return [];
  const topics = new Map<string, string[]>();
  for (const ids of chunks(rows.map((r) => r.id))) {
    for (const t of await db.selectFrom('claim_topic').select(['claim_id', 'topic']).where('claim_id', 'in', ids).execute()) {
      const list = topics.get(t.claim_id) ?? [];
      list.push(t.topic);
      topics.set(t.claim_id, list);
    }
  }
  const passages = await loadOtherPassages(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    verdict: r.current_verdict,
    withdrawn: r.is_withdrawn === 1,
    text: {
      title: r.title,
      statement: r.statement,
      original_text: r.original_text,
      original_translation: r.original_translation,
      passages: passages.get(r.id) ?? '',
      claimant: r.claimant,
      topics: (topics.get(r.id) ?? []).join(', '),
      body_text: r.body_text,
    },
  }));
}

async function sourcesWhere(db: Db, page: { after?: string; ids?: string[]; limit?: number }): Promise<SourceSearchRecord[]> {
  // A source that rests only on an unreviewed proposal is not public: not searchable either.
  let q = db
    .selectFrom('source')
    .select(['id', 'title', 'publisher', 'authors', 'type'])
    .where('merged_into', 'is', null)
    .where('status', '=', 'accepted')
    .orderBy('id');
  if (page.ids) q = q.where('id', 'in', page.ids);
  if (page.after !== undefined) q = q.where('id', '>', page.after);
  if (page.limit) q = q.limit(page.limit);
  return (await q.execute()).map((r) => ({
    id: r.id,
    type: r.type,
    text: { title: r.title, publisher: r.publisher, authors: parseStringList(r.authors).join(', ') },
  }));
}

async function evidenceWhere(db: Db, page: { after?: string; ids?: string[]; limit?: number }): Promise<EvidenceSearchRecord[]> {
  // Visibility (accepted, not retracted) is filtered here, not in SQL: with the status
  // condition SQLite chose the status index plus a sort, 224 ms per page at 400k rows,
  // instead of walking the primary key. `lastId` keeps keyset paging correct.
  let q = db
    .selectFrom('evidence')
    .select(['id', 'claim_id', 'source_id', 'excerpt', 'translation', 'note', 'status', 'retracted_at'])
    .orderBy('id');
  if (page.ids) q = q.where('id', 'in', page.ids);
  if (page.after !== undefined) q = q.where('id', '>', page.after);
  if (page.limit) q = q.limit(page.limit);
  const rows = await q.execute();
  lastIdSeen.set(page, { last: rows[rows.length - 1]?.id, count: rows.length });
  return rows.filter((r) => r.status === 'accepted' && r.retracted_at === null).map((r) => ({
    id: r.id,
    claimId: r.claim_id,
    sourceId: r.source_id,
    text: { excerpt: r.excerpt, translation: r.translation, note: r.note },
  }));
}

/** Per page request: the last id and row count read before filtering (for keyset paging). */
const lastIdSeen = new WeakMap<object, { last: string | undefined; count: number }>();

export const loaders = { claim: claimsWhere, source: sourcesWhere, evidence: evidenceWhere } as const;

/** Loads records by id, in chunks; ids missing from the result are gone or no longer public. */
export async function loadRecordsById<K extends keyof typeof loaders>(
  db: Db,
  kind: K,
  ids: string[],
): Promise<Awaited<ReturnType<(typeof loaders)[K]>>> {
  const out: unknown[] = [];
  for (const part of chunks(ids)) out.push(...(await loaders[kind](db, { ids: part })));
  return out as Awaited<ReturnType<(typeof loaders)[K]>>;
}

/** Walks a table in id order, one page at a time (keyset pagination: no OFFSET rescans). */
export async function* pageRecords<K extends keyof typeof loaders>(
  db: Db,
  kind: K,
  pageSize = 2000,
): AsyncGenerator<Awaited<ReturnType<(typeof loaders)[K]>>> {
  let after: string | undefined;
  for (;;) {
    const request = { after, limit: pageSize };
    const page = (await loaders[kind](db, request)) as Awaited<ReturnType<(typeof loaders)[K]>>;
    // A loader that filters rows in JS reports what it read, so paging continues past a page
    // whose rows were all hidden.
    const seen = lastIdSeen.get(request) ?? { last: page[page.length - 1]?.id, count: page.length };
    if (page.length) yield page;
    if (seen.count < pageSize || seen.last === undefined) return;
    after = seen.last;
  }
}

export interface SyncCursor {
  version: number;
  revisionId: number;
}

/** Where the store is now. The version is read first: anything committed later is replayed. */
export async function readSyncCursor(db: Db): Promise<SyncCursor> {
  const v = await db.selectFrom('data_version').select('version').where('id', '=', 1).executeTakeFirst();
  const r = await db.selectFrom('revision').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return { version: v?.version ?? 0, revisionId: Number(r?.max ?? 0) };
}

export interface ChangedIds {
  claim: Set<string>;
  source: Set<string>;
  evidence: Set<string>;
}

/**
 * What changed since a cursor, from the revision log: every write to the store appends to it
 * (lib/history/revision-kernel.ts), with an autoincrement id, so commit order is exact and
 * clock skew between processes does not matter. A confidence note changes its claim's
 * current verdict, so it re-indexes the claim.
 */
export async function readChangesSince(db: Db, cursor: SyncCursor): Promise<ChangedIds> {
  const changed: ChangedIds = { claim: new Set(), source: new Set(), evidence: new Set() };
  const revisions = await db
    .selectFrom('revision')
    .select(['entity_type', 'entity_id', 'claim_id'])
    .where('id', '>', cursor.revisionId)
    .execute();
  for (const r of revisions) {
    if (r.entity_type === 'confidence_note') {
      if (r.claim_id) changed.claim.add(r.claim_id);
    } else if (r.entity_type !== 'capture') changed[r.entity_type].add(r.entity_id);
  }
  return changed;
}
