import type { Kysely } from 'kysely';
import { loadOtherPassages } from './load';
import type { Database } from '../../db/schema';
import { SEARCH_DESCRIPTOR, SEARCH_KINDS, type SearchKind } from './descriptor';
import type { SearchParams } from './params';
import { rankSearch, type RankedHit } from './rank';
import type { SearchIndex } from './search-index';
import { buildSnippet, findHighlightRanges, toSegments, type Segment, type Snippet } from './snippet';

/**
 * A search as the API and the page see it: ranked hits per kind, with titles and snippets
 * read from the store at query time (only the shown hits: ≤ limit per kind), so the
 * index holds terms only and a snippet never shows text older than the row.
 */

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  titleSegments: Segment[];
  score: number;
  snippet: Snippet | null;
  /** claims: verdict and withdrawn; evidence: its claim and source; sources: type. */
  verdict?: string;
  withdrawn?: boolean;
  matchedVia?: 'claim' | 'evidence';
  claimId?: string;
  claimTitle?: string;
  sourceId?: string;
  sourceTitle?: string;
  sourceType?: string;
}

export interface SearchResponse {
  query: string;
  /** The terms the query became (what was looked up), useful to explain an empty result. */
  terms: string[];
  groups: Record<SearchKind, { total: number; hits: SearchHit[] }>;
  /** True when no record matched every term and the hits match only some of them. */
  partial: boolean;
  /** True when results came from the fallback scan while the index was still loading. */
  degraded: boolean;
  dataVersion: number;
  tookMs: number;
}

export function emptyGroups(): SearchResponse['groups'] {
  return { claim: { total: 0, hits: [] }, source: { total: 0, hits: [] }, evidence: { total: 0, hits: [] } };
}

function titleOf(text: string, terms: Set<string>): Segment[] {
  return toSegments(text, findHighlightRanges(text, terms));
}

async function hydrateClaims(db: Kysely<Database>, hits: RankedHit[], terms: Set<string>): Promise<SearchHit[]> {
  if (!hits.length) return [];
  const ids = hits.map((h) => h.id);
  const rows = await db
    .selectFrom('claim')
    .select(['id', 'title', 'statement', 'original_text', 'original_translation', 'claimant', 'body_text', 'verdict', 'is_withdrawn'])
    .where('id', 'in', ids)
    .execute();
  const topics = new Map<string, string[]>();
  for (const t of await db.selectFrom('claim_topic').select(['claim_id', 'topic']).where('claim_id', 'in', ids).execute()) {
    topics.set(t.claim_id, [...(topics.get(t.claim_id) ?? []), t.topic]);
  }
  const passages = await loadOtherPassages(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: SearchHit[] = [];
  for (const h of hits) {
    const r = byId.get(h.id);
    if (!r) continue;
    const text: Record<string, string> = { ...r, topics: (topics.get(r.id) ?? []).join(', '), passages: passages.get(r.id) ?? '' } as unknown as Record<string, string>;
    // The title is shown anyway: prefer the snippet from another column.
    const columns = SEARCH_DESCRIPTOR.claim.snippetColumns.filter((c) => c !== 'title').map((c) => [c, text[c]] as [string, string]);
    out.push({
      kind: 'claim',
      id: r.id,
      title: r.title,
      titleSegments: titleOf(r.title, terms),
      score: round(h.score),
      snippet: buildSnippet(columns, terms),
      verdict: r.verdict,
      withdrawn: r.is_withdrawn === 1,
      matchedVia: h.tier % 3 === 2 ? 'evidence' : 'claim',
    });
  }
  return out;
}

async function hydrateSources(db: Kysely<Database>, hits: RankedHit[], terms: Set<string>): Promise<SearchHit[]> {
  if (!hits.length) return [];
  const rows = await db
    .selectFrom('source')
    .select(['id', 'title', 'publisher', 'authors', 'type'])
    .where('id', 'in', hits.map((h) => h.id))
    .where('merged_into', 'is', null)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const r = byId.get(h.id);
    if (!r) return [];
    let authors = '';
    try {
      authors = (JSON.parse(r.authors) as unknown[]).filter((a) => typeof a === 'string').join(', ');
    } catch {
      /* a malformed list shows no authors */
    }
    return [
      {
        kind: 'source' as const,
        id: r.id,
        title: r.title,
        titleSegments: titleOf(r.title, terms),
        score: round(h.score),
        snippet: buildSnippet([['publisher', r.publisher], ['authors', authors]], terms),
        sourceType: r.type,
      },
    ];
  });
}

async function hydrateEvidence(db: Kysely<Database>, hits: RankedHit[], terms: Set<string>): Promise<SearchHit[]> {
  if (!hits.length) return [];
  const rows = await db
    .selectFrom('evidence')
    .innerJoin('claim', 'claim.id', 'evidence.claim_id')
    .innerJoin('source', 'source.id', 'evidence.source_id')
    .select([
      'evidence.id as id',
      'evidence.excerpt as excerpt',
      'evidence.translation as translation',
      'evidence.note as note',
      'claim.id as claimId',
      'claim.title as claimTitle',
      'claim.verdict as verdict',
      'source.id as sourceId',
      'source.title as sourceTitle',
      'source.type as sourceType',
      'evidence.status as status',
      'evidence.retracted_at as retractedAt',
    ])
    .where('evidence.id', 'in', hits.map((h) => h.id))
    .execute();
  // Visibility is checked here, not in SQL: with a status condition bound as a parameter,
  // SQLite picked the status index and scanned every accepted row (300 ms at 400k evidence).
  const byId = new Map(rows.filter((r) => r.status === 'accepted' && r.retractedAt === null).map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const r = byId.get(h.id);
    if (!r) return [];
    const title = `${r.sourceTitle} — on “${r.claimTitle}”`;
    return [
      {
        kind: 'evidence' as const,
        id: r.id,
        title,
        titleSegments: titleOf(title, terms),
        score: round(h.score),
        snippet: buildSnippet(SEARCH_DESCRIPTOR.evidence.snippetColumns.map((c) => [c, r[c]] as [string, string | null]), terms),
        claimId: r.claimId,
        claimTitle: r.claimTitle,
        verdict: r.verdict,
        sourceId: r.sourceId,
        sourceTitle: r.sourceTitle,
        sourceType: r.sourceType,
      },
    ];
  });
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

/** Searches a ready index and reads the shown hits from the store. */
export async function searchIndexedStore(db: Kysely<Database>, index: SearchIndex, params: SearchParams): Promise<SearchResponse> {
  const started = performance.now();
  const ranked = rankSearch(index, params.q, { kinds: params.kinds, verdict: params.verdict, sourceType: params.sourceType });
  const terms = new Set(ranked.terms);
  const groups = emptyGroups();
  const hydrate = { claim: hydrateClaims, source: hydrateSources, evidence: hydrateEvidence } as const;
  for (const kind of SEARCH_KINDS) {
    const list = ranked[kind];
    groups[kind] = { total: list.length, hits: await hydrate[kind](db, list.slice(0, params.limit), terms) };
  }
  return { query: params.q, terms: ranked.terms, partial: ranked.partial, groups, degraded: false, dataVersion: index.cursor.version, tookMs: round(performance.now() - started) };
}
