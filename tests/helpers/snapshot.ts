import type { Db } from '../../db/client';

const TABLES = [
  'claim', 'claim_topic', 'claim_appearance', 'appearance_cite', 'claim_link', 'source', 'evidence',
  'confidence_note', 'revision', 'ingest_run', 'data_version', 'user', 'session', 'api_token', 'rate_limit',
] as const;

/** Every row of every table, in a stable order: to assert that nothing was written. */
export async function snapshotDb(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
