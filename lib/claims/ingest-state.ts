import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getDataVersion } from '../history/revisions';
import { claimIdAt, decodeFolderSnapshot, EMPTY_FOLDER_SNAPSHOT, type FolderSnapshot } from './folder-snapshot';

/**
 * What the store remembers of the last ingest: the claims folder's snapshot (each file's
 * size, mtime and claim), and each file's content hash in the file index. An incremental check
 * compares the folder against it, so an unchanged file costs a stat, not a read and a parse.
 */

const CHUNK = 500;

export interface StoredFile {
  size: number;
  mtimeMs: number;
  claimId: string | null;
}

/** What only a file read again needs of its last ingest: read for those files alone. */
export interface StoredFileDetails {
  contentHash: string;
  /** For a seed file, the ids it defined (null if not recorded yet). */
  defines: string[] | null;
}

export interface StoredIngestState {
  /** The claims folder as the last ingest left it. */
  folder: FolderSnapshot;
  /** The claim each of the folder's files defined (`claimIdAt` for each). */
  folderClaimIds: string[];
  /** Whether `folder` was read from its snapshot, not put together from the file index's rows. */
  folderFromSnapshot: boolean;
  /** The seed files' entries in the file index, by absolute path. */
  seedFiles: Map<string, StoredFile>;
  /** Every claim id in the store and whether it is withdrawn. */
  claims: Map<string, ClaimState>;
  /**
   * The store's data version when this was read (read first): while it is unchanged the claims
   * above are still current, and the ingest's write need not read them again. -1 when unread.
   */
  dataVersion: number;
}

export interface ClaimState {
  withdrawn: boolean;
}

export const EMPTY_INGEST_STATE: StoredIngestState = { folder: EMPTY_FOLDER_SNAPSHOT, folderClaimIds: [], folderFromSnapshot: false, seedFiles: new Map(), claims: new Map(), dataVersion: -1 };

const LIVE: ClaimState = Object.freeze({ withdrawn: false });
const WITHDRAWN: ClaimState = Object.freeze({ withdrawn: true });

/**
 * What an incremental check compares the folder with: the folder's snapshot (one row), the seed
 * files' entries, and which claims exist. No content hashes: only a changed file needs its own.
 */
export async function readIngestState(db: Kysely<Database>, where: { claimsDir: string; seedFiles: string[] }): Promise<StoredIngestState> {
  const dataVersion = await getDataVersion(db);
  const withdrawn = await readWithdrawnClaimIds(db);
  const snapshots = await readFolderSnapshots(db);
  const snapshot = snapshots.get(where.claimsDir) ?? null;
  // The file index's rows stand in for a snapshot only in a store from before there were any:
  // once an ingest of another folder has written its own, the rows it left of this one are stale.
  const folder = snapshot ?? (snapshots.size === 0 ? await folderFromFileIndex(db, where.claimsDir) : EMPTY_FOLDER_SNAPSHOT);
  const seedFiles = new Map<string, StoredFile>();
  if (where.seedFiles.length) for (const r of await selectIndexedFiles(db).where('path', 'in', where.seedFiles).execute()) seedFiles.set(r.path, r);

  const folderClaimIds = folder.names.map((_, i) => claimIdAt(folder, i));
  const claims = new Map<string, ClaimState>();
  for (const id of folderClaimIds) claims.set(id, withdrawn.has(id) ? WITHDRAWN : LIVE);
  for (const id of withdrawn) claims.set(id, WITHDRAWN);
  // After an ingest every live claim has a file in the folder, so the folder names them all and
  // the claim ids need not be read (a tenth of a second at 100,000). A store loaded by `claims
  // import`, with nothing indexed, or one last ingested from another folder, does not: then
  // they are read.
  let indexedLive = 0;
  for (const c of claims.values()) if (!c.withdrawn) indexedLive++;
  const all = Number((await db.selectFrom('claim').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  return { folder, folderClaimIds, folderFromSnapshot: snapshot !== null, seedFiles, claims: indexedLive === all - withdrawn.size ? claims : await readClaimStates(db), dataVersion };
}

function selectIndexedFiles(db: Kysely<Database>) {
  // Numbers cast by the database, so each row is read in the shape it is kept in.
  return db
    .selectFrom('ingest_file')
    .select((eb) => ['path', eb.cast<number>('size', 'double precision').as('size'), eb.cast<number>('mtime_ms', 'double precision').as('mtimeMs'), 'claim_id as claimId']);
}

/** Every folder's snapshot (one per folder ever ingested, so a handful), by path. */
async function readFolderSnapshots(db: Kysely<Database>): Promise<Map<string, FolderSnapshot | null>> {
  let rows: { path: string; snapshot: Uint8Array }[];
  try {
    rows = await db.selectFrom('ingest_folder').select(['path', 'snapshot']).execute();
  } catch {
    // `claims check` reads a store it does not migrate: one from before migration 0021 has no
    // snapshots, and its file index is read instead.
    return new Map();
  }
  return new Map(rows.map((r) => [r.path, decodeFolderSnapshot(r.snapshot)]));
}

/** The folder as the file index's rows record it: for a store indexed before folders had snapshots. */
async function folderFromFileIndex(db: Kysely<Database>, claimsDir: string): Promise<FolderSnapshot> {
  const prefix = claimsDir.endsWith(path.sep) ? claimsDir : `${claimsDir}${path.sep}`;
  const entries = (await selectIndexedFiles(db).execute())
    .filter((r) => r.path.startsWith(prefix) && r.path.endsWith('.mdx') && !r.path.slice(prefix.length).includes(path.sep) && r.claimId !== null)
    .map((r) => ({ ...r, name: r.path.slice(prefix.length) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    names: entries.map((e) => e.name),
    sizes: Float64Array.from(entries, (e) => e.size),
    mtimes: Float64Array.from(entries, (e) => e.mtimeMs),
    claimIds: entries.map((e) => e.claimId),
  };
}

/** The content hashes (and a seed file's ids) of these indexed files, by path. */
export async function readStoredFileDetails(db: Kysely<Database>, paths: string[]): Promise<Map<string, StoredFileDetails>> {
  const out = new Map<string, StoredFileDetails>();
  for (let i = 0; i < paths.length; i += CHUNK) {
    // selectAll: `claims check` reads a store it does not migrate, which may predate `defines`.
    for (const r of await db.selectFrom('ingest_file').selectAll().where('path', 'in', paths.slice(i, i + CHUNK)).execute()) {
      out.set(r.path, { contentHash: r.content_hash, defines: typeof r.defines === 'string' ? (JSON.parse(r.defines) as string[]) : null });
    }
  }
  return out;
}

/** The withdrawn claims' ids, from their partial index (migration 0019): a few, not every claim row. */
async function readWithdrawnClaimIds(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await db.selectFrom('claim').select('id').where('is_withdrawn', '=', 1).execute()).map((r) => r.id));
}

/**
 * Every claim id in the store and whether it is withdrawn: the ids from the primary key's
 * index, the withdrawn ones from their partial index, never from the claim table's rows,
 * which carry every body.
 */
export async function readClaimStates(db: Kysely<Database>): Promise<Map<string, ClaimState>> {
  const withdrawn = await readWithdrawnClaimIds(db);
  const claims = new Map<string, ClaimState>();
  for (const r of await db.selectFrom('claim').select('id').execute()) claims.set(r.id, withdrawn.has(r.id) ? WITHDRAWN : LIVE);
  return claims;
}

/**
 * Claims whose files name any of these claims (related, ClaimRef) or sources (appearances,
 * citations, SourceRef, Quote): the files to check again when those go away.
 */
export async function findClaimsReferencing(db: Kysely<Database>, targets: { claims: string[]; sources: string[] }): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < targets.claims.length; i += CHUNK) {
    const ids = targets.claims.slice(i, i + CHUNK);
    for (const r of await db.selectFrom('claim_link').select('from_claim_id').where('to_claim_id', 'in', ids).execute()) out.add(r.from_claim_id);
    for (const r of await db.selectFrom('claim_body_ref').select('claim_id').where('target_kind', '=', 'claim').where('target_id', 'in', ids).execute()) out.add(r.claim_id);
  }
  for (let i = 0; i < targets.sources.length; i += CHUNK) {
    const ids = targets.sources.slice(i, i + CHUNK);
    for (const r of await db.selectFrom('claim_appearance').select('claim_id').where('source_id', 'in', ids).execute()) out.add(r.claim_id);
    for (const r of await db.selectFrom('appearance_cite').select('claim_id').where('cited_source_id', 'in', ids).execute()) out.add(r.claim_id);
    for (const r of await db.selectFrom('claim_body_ref').select('claim_id').where('target_kind', '=', 'source').where('target_id', 'in', ids).execute()) out.add(r.claim_id);
  }
  return out;
}

/** Ids of sources the seed defined (their rows stay when the seed file drops them). */
export async function readSeedSourceIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('source').select('id').where('origin', '=', 'seed').execute()).map((r) => r.id);
}
