import type { z } from 'zod';
import { UserFacingError } from '@/lib/shared/errors';

type Raw = Record<string, string | string[] | undefined>;

/** First value of each parameter, as strings (a repeated key keeps its first value). */
export function flattenParams(raw: Raw | URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw instanceof URLSearchParams) {
    for (const [k, v] of raw) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(raw)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/**
 * Parses a page's filters leniently: unknown keys and invalid values are dropped (and
 * reported) so a hand-edited URL still shows a page. The API parses strictly instead.
 */
export function parsePageParams<S extends z.ZodObject>(schema: S, raw: Raw): { query: z.infer<S>; ignored: string[] } {
  const known = Object.keys(schema.shape);
  const params = flattenParams(raw);
  const ignored = Object.keys(params).filter((k) => !known.includes(k));
  for (const k of ignored) delete params[k];
  for (let attempt = 0; attempt < known.length + 1; attempt++) {
    const result = schema.safeParse(params);
    if (result.success) return { query: result.data, ignored };
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key in params) {
        delete params[key];
        ignored.push(key);
      }
    }
  }
  return { query: schema.parse({}), ignored };
}

/**
 * Runs a list query; a hand-edited or stale cursor (one that belongs to another sort) shows the
 * first page instead, and the cursor is reported as ignored, as other bad parameters are.
 */
export async function withCursorOrFirstPage<Q extends { cursor?: string }, T>(query: Q, ignored: string[], run: (q: Q) => Promise<T>): Promise<T> {
  try {
    return await run(query);
  } catch (error) {
    if (!(error instanceof UserFacingError) || error.field !== 'cursor' || !query.cursor) throw error;
    ignored.push('cursor');
    return run({ ...query, cursor: undefined });
  }
}
