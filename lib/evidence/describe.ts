import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** What a form says it stored: the entry's stance, its source's title and where to see it. */
export interface StoredEvidenceSummary {
  id: string;
  stance: string;
  sourceTitle: string;
  accepted: boolean;
  /** The entry on its claim's page; null for a proposal, which no public page shows until accepted. */
  href: string | null;
}

export async function describeStoredEvidence(
  db: Kysely<Database>,
  row: { id: string; claim_id: string; source_id: string; stance: string; status: string },
): Promise<StoredEvidenceSummary> {
  const source = await db.selectFrom('source').select('title').where('id', '=', row.source_id).executeTakeFirst();
  const accepted = row.status === 'accepted';
  return {
    id: row.id,
    stance: row.stance,
    sourceTitle: source?.title ?? row.source_id,
    accepted,
    href: accepted ? `/claims/${encodeURIComponent(row.claim_id)}#evidence-${encodeURIComponent(row.id)}` : null,
  };
}
