import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { QuoteAnchor } from '../captures/dto';
import { getPassageAnchors } from '../captures/queries';

/** A verbatim passage of the source the claim was made in, with where it is in that source's newest archived copy. */
export interface ClaimPassage {
  position: number;
  lang: string;
  text: string;
  translation: string;
  locator: string | null;
  anchor: QuoteAnchor | null;
}

/** Every passage a claim file quotes, the main one first (bounded by the file: at most MAX_PASSAGES). */
export async function getClaimPassages(db: Kysely<Database>, claimId: string): Promise<ClaimPassage[]> {
  const rows = await db.selectFrom('claim_passage').select(['position', 'lang', 'text', 'translation', 'locator']).where('claim_id', '=', claimId).orderBy('position').execute();
  const anchors = await getPassageAnchors(db, claimId, rows.map((r) => r.position));
  return rows.map((r) => ({ ...r, anchor: anchors.get(r.position) ?? null }));
}
