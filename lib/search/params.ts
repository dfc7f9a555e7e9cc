import { SOURCE_TYPES, VERDICTS } from '../shared/vocabulary';
import { SEARCH_KINDS, type SearchKind } from './descriptor';
import { MAX_QUERY_LENGTH } from './rank';

/**
 * Search parameters, shared by GET /api/search and the /search page. Parsing never throws:
 * it returns either parameters or a problem the API answers with 400 (the page shows it).
 */

export interface SearchParams {
  q: string;
  kinds?: SearchKind[];
  verdict?: string;
  sourceType?: string;
  limit: number;
}

export interface SearchParamProblem {
  code: 'query_too_long' | 'invalid_kind' | 'invalid_verdict' | 'invalid_source_type' | 'invalid_limit';
  message: string;
  field: 'q' | 'kind' | 'verdict' | 'sourceType' | 'limit';
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;

/** Control characters, bidi overrides and lone surrogates become spaces: they are never search terms. */
export function cleanQuery(raw: string): string {
  return raw
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Input = Record<string, string | string[] | undefined> | URLSearchParams;

function first(input: Input, key: string): string | undefined {
  if (input instanceof URLSearchParams) return input.get(key) ?? undefined;
  const v = input[key];
  return Array.isArray(v) ? v[0] : v;
}

export function parseSearchParams(input: Input): { ok: true; params: SearchParams } | { ok: false; problem: SearchParamProblem } {
  const rawQ = first(input, 'q') ?? '';
  if (rawQ.length > MAX_QUERY_LENGTH * 4) {
    return { ok: false, problem: { code: 'query_too_long', field: 'q', message: `The query is longer than ${MAX_QUERY_LENGTH} characters.` } };
  }
  const q = cleanQuery(rawQ);
  if (q.length > MAX_QUERY_LENGTH) {
    return { ok: false, problem: { code: 'query_too_long', field: 'q', message: `The query is longer than ${MAX_QUERY_LENGTH} characters.` } };
  }
  const params: SearchParams = { q, limit: DEFAULT_LIMIT };

  const kind = first(input, 'kind');
  if (kind && kind !== 'all') {
    const kinds = kind.split(',').map((k) => k.trim()).filter(Boolean);
    const bad = kinds.find((k) => !(SEARCH_KINDS as readonly string[]).includes(k));
    if (bad !== undefined) {
      return { ok: false, problem: { code: 'invalid_kind', field: 'kind', message: `kind must be one of ${SEARCH_KINDS.join(', ')} (comma-separated) or all.` } };
    }
    params.kinds = kinds as SearchKind[];
  }
  const verdict = first(input, 'verdict');
  if (verdict) {
    if (!(VERDICTS as readonly string[]).includes(verdict)) {
      return { ok: false, problem: { code: 'invalid_verdict', field: 'verdict', message: `verdict must be one of ${VERDICTS.join(', ')}.` } };
    }
    params.verdict = verdict;
  }
  const sourceType = first(input, 'sourceType');
  if (sourceType) {
    if (!(SOURCE_TYPES as readonly string[]).includes(sourceType)) {
      return { ok: false, problem: { code: 'invalid_source_type', field: 'sourceType', message: `sourceType must be one of ${SOURCE_TYPES.join(', ')}.` } };
    }
    params.sourceType = sourceType;
  }
  const limit = first(input, 'limit');
  if (limit !== undefined && limit !== '') {
    if (!/^\d{1,6}$/.test(limit) || Number(limit) < 1) {
      return { ok: false, problem: { code: 'invalid_limit', field: 'limit', message: `limit must be a whole number from 1 (at most ${MAX_LIMIT} are returned).` } };
    }
    // A larger limit is capped, not refused: asking for many results is not an error.
    params.limit = Math.min(MAX_LIMIT, Number(limit));
  }
  return { ok: true, params };
}
