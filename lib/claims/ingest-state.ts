import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * What the store remembers of the last ingest: each file's size, mtime and content hash,
 * and which claim it defined. An incremental check compares the folder against it, so an
 * unchanged file costs a stat, not a read and a parse.
 */

export interface StoredFile {
  size: number;
  mtimeMs: number;
  contentHash: string;
  claimId: string | null;
  /** For a seed file, the ids it defined (null if not recorded yet). */
  defines: string[] | null;
}

export interface StoredIngestState {
  /** By absolute path. */
  files: Map<string, StoredFile>;
  /** Every claim id in the store and whether it is withdrawn. */
  claims: Map<string, { withdrawn: boolean }>;
}

export const EMPTY_INGEST_STATE: StoredIngestState = { files: new Map(), claims: new Map() };

export async function readIngestState(db: Kysely<Database>): Promise<StoredIngestState> {
  const files = new Map<string, StoredFile>();
  // selectAll: `claims check` reads a store it does not migrate, which may predate `defines`.
  for (const r of await db.selectFrom('ingest_file').selectAll().execute()) {
    files.set(r.path, { size: Number(r.size), mtimeMs: Number(r.mtime_ms), contentHash: r.content_hash, claimId: r.claim_id, defines: typeof r.defines === 'string' ? (JSON.parse(r.defines) as string[]) : null });
  }
  return { files, claims: await readClaimStates(db) };
}

/**
 * Every claim id in the store and whether it is withdrawn: the ids from the primary key's
 * index, the withdrawn ones from their partial index (migration 0019), never from the claim
 * table's rows, which carry every body.
 */
export async function readClaimStates(db: Kysely<Database>): Promise<Map<string, { withdrawn: boolean }>> {
  const withdrawn = new Set((await db.selectFrom('claim').select('id').where('is_withdrawn', '=', 1).execute()).map((r) => r.id));
  const claims = new Map<string, { withdrawn: boolean }>();
  for (const r of await db.selectFrom('claim').select('id').execute()) claims.set(r.id, { withdrawn: withdrawn.has(r.id) });
  return claims;
}

const CHUNK = 500;

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
