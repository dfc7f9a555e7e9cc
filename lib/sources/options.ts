import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface SourceOption {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
}

/** How many sources a form's picker offers: the claim's own and the most used, never the whole ledger. */
export const SOURCE_OPTION_LIMIT = 60;

/**
 * Sources a form may pick for a claim: the public ones it already rests on, then the most used
 * ones (by index), up to SOURCE_OPTION_LIMIT, by title. Any other source is named by its id.
 */
export async function listSourceOptions(db: Kysely<Database>, claimId?: string): Promise<SourceOption[]> {
  const own = claimId
    ? await db
        .selectFrom('source_claim as sc')
        .innerJoin('source as s', 's.id', 'sc.source_id')
        .select(['s.id', 's.title', 's.publisher', 's.published'])
        .where('sc.claim_id', '=', claimId)
        .where('s.listed', '=', 1)
        .limit(SOURCE_OPTION_LIMIT)
        .execute()
    : [];
  const popular = await db
    .selectFrom('source')
    .select(['id', 'title', 'publisher', 'published'])
    .where('listed', '=', 1)
    .orderBy('use_rank')
    .orderBy('sort_title')
    .orderBy('id')
    .limit(SOURCE_OPTION_LIMIT)
    .execute();
  const byId = new Map([...own, ...popular].map((s) => [s.id, s]));
  return [...byId.values()].slice(0, SOURCE_OPTION_LIMIT).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}
