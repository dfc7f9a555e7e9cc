import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * Which claims anything published (citations, feeds, sitemaps, open data) may name: the listed
 * ones, and withdrawn ones (their pages stay so citations still resolve). Every other unlisted
 * claim (a draft) is not public. One rule, on the derived `listed` column.
 */
export function publicClaim<A extends string>(eb: ExpressionBuilder<Database & Record<A, Database['claim']>, A>, alias: A) {
  const col = (c: string) => `${alias}.${c}` as never;
  return eb.or([eb(col('listed'), '=', 1 as never), eb(col('is_withdrawn'), '=', 1 as never)]);
}
