import { sql, type RawBuilder } from 'kysely';

/**
 * Which claims anything published (citations, feeds, sitemaps, open data) may name: the listed
 * ones, and withdrawn ones (their pages stay so citations still resolve). Every other unlisted
 * claim (a draft) is not public. One rule, on the derived `listed` column, for the claim table
 * under `alias`.
 */
export function publicClaim(alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.listed`)} = 1 or ${sql.ref(`${alias}.is_withdrawn`)} = 1)`;
}
