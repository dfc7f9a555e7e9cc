import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface SourceOption {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
}

/** Sources a form may pick: accepted and not merged away, by title. */
export async function listSourceOptions(db: Kysely<Database>): Promise<SourceOption[]> {
  return db
    .selectFrom('source')
    .select(['id', 'title', 'publisher', 'published'])
    .where('status', '=', 'accepted')
    .where('merged_into', 'is', null)
    .orderBy('title')
    .orderBy('id')
    .execute();
}
