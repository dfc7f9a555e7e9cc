import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface EvidenceState {
  id: string;
  revision: number;
  status: string;
  retracted: boolean;
  excerpt: string;
}

/** Where each evidence entry of a claim stands now (for the history page's restore buttons). */
export async function listEvidenceStates(db: Kysely<Database>, claimId: string): Promise<Map<string, EvidenceState>> {
  const rows = await db.selectFrom('evidence').select(['id', 'revision', 'status', 'retracted_at', 'excerpt']).where('claim_id', '=', claimId).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, revision: r.revision, status: r.status, retracted: r.retracted_at !== null, excerpt: r.excerpt }]));
}
