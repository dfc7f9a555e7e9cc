import type { Document } from 'flexsearch';
import { SEARCH_KINDS, type SearchKind } from './descriptor';
import { encodeSearchText } from './encode';
import type { KindIndex, SearchIndex } from './search-index';

/**
 * Turns a query into ranked ids per kind, from the in-memory index only (no I/O).
 *
 * Claims come in tiers: 0 = all query terms in the title/statement/original text
 * (`primary`), 1 = in the claim's other text (`all`), 2 = only through one of its
 * evidence entries; a withdrawn claim goes after every live one. Within a tier the
 * FlexSearch order holds (earlier term positions first). Score = tier weight + a share
 * of the position, so scores sort the same way as the list.
 */

export interface RankFilters {
  kinds?: SearchKind[];
  verdict?: string;
  sourceType?: string;
}

export interface RankedHit {
  kind: SearchKind;
  id: string;
  score: number;
  tier: number;
}

export interface RankedResults {
  terms: string[];
  /** True when no record had every term and these records have only some (FlexSearch `suggest`). */
  partial: boolean;
  claim: RankedHit[];
  source: RankedHit[];
  evidence: RankedHit[];
}

/** Cap on the candidates read per field; filters read more because they drop candidates. */
const CANDIDATES = 200;
const CANDIDATES_FILTERED = 2000;
/** Longest query accepted (characters): bounds the terms, hence the work, of any query. */
export const MAX_QUERY_LENGTH = 256;

function searchField(doc: Document, keyOf: string[], field: string, query: string, limit: number, suggest: boolean): string[] {
  const res = doc.search({ query, limit, index: [field], suggest }) as unknown as Array<{ field: string; result: number[] }>;
  return (res[0]?.result ?? []).map((n) => keyOf[n]!).filter(Boolean);
}

/** Base results minus stale ids, merged with delta results by relative position. */
function searchKindField<M>(k: KindIndex<M>, field: string, query: string, limit: number, suggest = false): string[] {
  const base = searchField(k.base, k.keyOf, field, query, limit + k.stale.size, suggest).filter((id) => !k.stale.has(id));
  if (k.inDelta.size === 0) return base.slice(0, limit);
  const delta = searchField(k.delta, k.keyOf, field, query, limit, suggest);
  const scored = [
    ...base.map((id, i) => ({ id, s: i / Math.max(1, base.length) })),
    ...delta.map((id, i) => ({ id, s: i / Math.max(1, delta.length) - 1e-9 })),
  ].sort((a, b) => a.s - b.s);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { id } of scored) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out.slice(0, limit);
}

function allows(filters: RankFilters, kind: SearchKind): boolean {
  if (filters.kinds && filters.kinds.length && !filters.kinds.includes(kind)) return false;
  // A filter on an attribute a kind does not have excludes that kind.
  if (filters.verdict && kind === 'source') return false;
  if (filters.sourceType && kind === 'claim') return false;
  return true;
}

/**
 * All terms must match (AND). When that finds nothing and the query has several terms, the
 * search is repeated allowing records that match only some of them, flagged `partial`:
 * e.g. "GPT-4 訓練" when no record holds both words in one field.
 */
export function rankSearch(index: SearchIndex, rawQuery: string, filters: RankFilters = {}): RankedResults {
  const exact = rankSearchOnce(index, rawQuery, filters, false);
  if (exact.claim.length + exact.source.length + exact.evidence.length > 0 || exact.terms.length < 2) return exact;
  return rankSearchOnce(index, rawQuery, filters, true);
}

function rankSearchOnce(index: SearchIndex, rawQuery: string, filters: RankFilters, suggest: boolean): RankedResults {
  // FlexSearch encodes the query with the same function; callers cap the query's length
  // (MAX_QUERY_LENGTH), which bounds the number of terms and so the work per search.
  const query = rawQuery;
  const terms = encodeSearchText(query);
  const out: RankedResults = { terms, partial: suggest, claim: [], source: [], evidence: [] };
  if (!terms.length) return out;
  const filtered = Boolean(filters.verdict || filters.sourceType);
  const limit = filtered ? CANDIDATES_FILTERED : CANDIDATES;

  const claimOk = (id: string) => {
    const m = index.claim.meta.get(id);
    return Boolean(m) && (!filters.verdict || m!.verdict === filters.verdict);
  };
  const sourceOk = (id: string) => {
    const m = index.source.meta.get(id);
    return Boolean(m) && (!filters.sourceType || m!.type === filters.sourceType);
  };
  const evidenceOk = (id: string) => {
    const m = index.evidence.meta.get(id);
    if (!m) return false;
    if (filters.verdict && index.claim.meta.get(m.claimId)?.verdict !== filters.verdict) return false;
    if (filters.sourceType && index.source.meta.get(m.sourceId)?.type !== filters.sourceType) return false;
    return true;
  };

  // Evidence is searched whenever claims or evidence are wanted: it feeds claim tier 2.
  const evidenceIds = allows(filters, 'evidence') || allows(filters, 'claim') ? searchKindField(index.evidence, 'all', query, limit, suggest) : [];

  if (allows(filters, 'claim')) {
    const seen = new Set<string>();
    const tiers: string[][] = [
      searchKindField(index.claim, 'primary', query, limit, suggest),
      searchKindField(index.claim, 'all', query, limit, suggest),
      evidenceIds.map((id) => index.evidence.meta.get(id)?.claimId).filter((id): id is string => Boolean(id)),
    ];
    const live: RankedHit[] = [];
    const withdrawn: RankedHit[] = [];
    tiers.forEach((ids, tier) => {
      ids.forEach((id, rank) => {
        if (seen.has(id) || !claimOk(id)) return;
        seen.add(id);
        const hit = { kind: 'claim' as const, id, tier, score: 3 - tier + 1 / (2 + rank) };
        (index.claim.meta.get(id)!.withdrawn ? withdrawn : live).push(hit);
      });
    });
    out.claim = [...live, ...withdrawn.map((h) => ({ ...h, tier: h.tier + 3, score: h.score - 3 }))];
  }
  if (allows(filters, 'source')) {
    out.source = searchKindField(index.source, 'all', query, limit, suggest)
      .filter(sourceOk)
      .map((id, rank) => ({ kind: 'source' as const, id, tier: 0, score: 1 + 1 / (2 + rank) }));
  }
  if (allows(filters, 'evidence')) {
    out.evidence = evidenceIds.filter(evidenceOk).map((id, rank) => ({ kind: 'evidence' as const, id, tier: 0, score: 1 + 1 / (2 + rank) }));
  }
  return out;
}

export { SEARCH_KINDS };
