import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * Drafts in the store, for editors only (the /intake page): reader queries never return a
 * draft (lib/claims/list-queries.ts, claim-page.ts, lib/search/load.ts and derived state's
 * `listed`). Keyset by id, so the page stays bounded however many drafts pile up.
 */

export interface DraftSummary {
  id: string;
  filePath: string;
  /** The main original passage, verbatim. */
  passage: string;
  lang: string;
  passageCount: number;
}

export const DRAFTS_PAGE_SIZE = 50;

export async function listDrafts(db: Kysely<Database>, options: { after?: string; limit?: number } = {}): Promise<{ items: DraftSummary[]; next: string | null }> {
  const limit = Math.min(options.limit ?? DRAFTS_PAGE_SIZE, DRAFTS_PAGE_SIZE);
  let q = db.selectFrom('claim').select(['id', 'file_path', 'original_text', 'original_lang']).where('status', '=', 'draft').where('is_withdrawn', '=', 0).orderBy('id').limit(limit + 1);
  if (options.after) q = q.where('id', '>', options.after);
  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const counts = page.length
    ? await db.selectFrom('claim_passage').select(['claim_id', (eb) => eb.fn.countAll<number>().as('n')]).where('claim_id', 'in', page.map((r) => r.id)).groupBy('claim_id').execute()
    : [];
  const countOf = new Map(counts.map((c) => [c.claim_id, Number(c.n)]));
  return {
    items: page.map((r) => ({ id: r.id, filePath: r.file_path, passage: r.original_text, lang: r.original_lang, passageCount: countOf.get(r.id) ?? 1 })),
    next: rows.length > limit ? page.at(-1)!.id : null,
  };
}
