import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** At most this many names on /about (a ledger with more editors links to no longer list). */
export const PUBLIC_EDITOR_LIMIT = 100;

export interface PublicEditor {
  name: string;
  role: 'editor' | 'admin';
  since: string;
}

/** Editors and admins who chose to be listed (`claims user publish`), enabled accounts only; emails are never shown. */
export async function listPublicEditors(db: Kysely<Database>): Promise<PublicEditor[]> {
  const rows = await db
    .selectFrom('user')
    .select(['public_name', 'role', 'created_at'])
    .where('public_name', 'is not', null)
    .where('is_disabled', '=', 0)
    .orderBy('public_name')
    .limit(PUBLIC_EDITOR_LIMIT)
    .execute();
  return rows.map((r) => ({ name: r.public_name!, role: r.role, since: r.created_at.slice(0, 10) }));
}
