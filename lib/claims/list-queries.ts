import type { Kysely, SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import type { ClaimTable, ClaimTopicTable, Database } from '../../db/schema';
import { decodeCursorOrThrow, keysetCondition, readDirection, toKeysetPage, type KeysetPage } from '../shared/keyset';
import { COUNT_CAP, listFacetValues, readFacetCount, type FacetValue } from '../history/facet-counts';
import { VERDICTS } from '../shared/vocabulary';
import type { ClaimSummary, ConfidenceBand } from './dto';
import { CONFIDENCE_BANDS, toCurrentVerdict } from './verdict-rules';

/**
 * Lists of claims, at any size: every list reads one page through an index that serves its
 * order (keyset pagination on the derived columns of migration 0004), and every count comes
 * from an aggregate kept in the write transaction (facet_count) or an index count capped at
 * COUNT_CAP. Nothing here reads more rows than a page (plus one) and its topics.
 */

type Db = Kysely<Database>;

export const CLAIM_SORTS = ['title', 'confidence', 'verdict-date'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];


const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/**
 * The filters of /claims and GET /api/claims. Both read them from the URL, so they are
 * validated here once; anything unknown is a 400 for the API and ignored by the page.
 */
export const claimListQuerySchema = z.strictObject({
  verdict: z.preprocess(emptyToUndefined, z.enum(VERDICTS).optional()),
  topic: z.preprocess(emptyToUndefined, z.string().max(120).optional()),
  claimant: z.preprocess(emptyToUndefined, z.string().max(300).optional()),
  confidence: z.preprocess(emptyToUndefined, z.enum(CONFIDENCE_BANDS).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(CLAIM_SORTS).default('title')),
  order: z.preprocess(emptyToUndefined, z.enum(['asc', 'desc']).optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(1024).optional()),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(20)),
});
export type ClaimListQuery = z.infer<typeof claimListQuerySchema>;

export interface ClaimList extends KeysetPage<ClaimSummary> {
  /** Values the filters can take (the most used), with how many claims each has. */
  facets: { topics: FacetValue[]; claimants: FacetValue[] };
}


const SUMMARY_COLUMNS = [
  'c.id', 'c.title', 'c.statement', 'c.claimant', 'c.is_withdrawn', 'c.current_verdict', 'c.current_verdict_date',
  'c.current_verdict_origin', 'c.current_confidence', 'c.confidence_band', 'c.last_reviewed', 'c.needs_review', 'c.quote_problem_count',
] as const;

type SummaryRow = {
  id: string;
  title: string;
  statement: string;
  claimant: string;
  is_withdrawn: 0 | 1;
  current_verdict: string;
  current_verdict_date: string;
  current_verdict_origin: 'file' | 'note';
  current_confidence: number | null;
  confidence_band: string;
  last_reviewed: string;
  needs_review: 0 | 1;
  quote_problem_count: number;
};

/** The one mapper from a claim row's stored and derived columns to the summary every list shows. */
function toClaimSummary(r: SummaryRow, topics: string[]): ClaimSummary {
  return {
    id: r.id,
    title: r.title,
    statement: r.statement,
    claimant: r.claimant,
    topics,
    verdict: toCurrentVerdict(r.current_verdict, r.current_verdict_date, r.current_verdict_origin),
    confidence: r.current_confidence,
    confidenceBand: ((CONFIDENCE_BANDS as readonly string[]).includes(r.confidence_band) ? r.confidence_band : 'none') as ConfidenceBand,
    withdrawn: r.is_withdrawn === 1,
    lastReviewed: r.last_reviewed,
    needsReview: r.needs_review === 1,
    quoteProblemCount: r.quote_problem_count,
  };
}

async function topicsOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const topics = new Map<string, string[]>();
  if (ids.length === 0) return topics;
  for (const t of await db.selectFrom('claim_topic').select(['claim_id', 'topic']).where('claim_id', 'in', ids).orderBy('topic').execute()) {
    topics.set(t.claim_id, [...(topics.get(t.claim_id) ?? []), t.topic]);
  }
  return topics;
}

/**
 * Summaries of these claims (withdrawn ones included, drafts never: every reader page of a
 * claim starts here, so a draft has none), in the order given. Bounded by the ids passed.
 */
export async function getClaimSummaries(db: Db, ids: string[]): Promise<ClaimSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('claim as c').select(SUMMARY_COLUMNS).where('c.id', 'in', ids).where('c.status', '=', 'published').execute();
  const topics = await topicsOf(db, ids);
  const byId = new Map(rows.map((r) => [r.id, toClaimSummary(r, topics.get(r.id) ?? [])]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** One claim's summary (title, current verdict, confidence), for metadata and small pages. */
export async function getClaimSummary(db: Db, id: string): Promise<ClaimSummary | null> {
  const [summary] = await getClaimSummaries(db, [id]);
  return summary ?? null;
}

type ClaimListSource = SelectQueryBuilder<Database & { c: ClaimTable; t: ClaimTopicTable }, 'c' | 't', object>;

/** Listed claims passing the filters; with a topic, driven from the topic's index. */
function filteredClaims(db: Db, q: ClaimListQuery): ClaimListSource {
  let query = (
    q.topic !== undefined
      ? db.selectFrom('claim_topic as t').innerJoin('claim as c', 'c.id', 't.claim_id').where('t.topic', '=', q.topic).where('t.listed', '=', 1)
      : db.selectFrom('claim as c')
  ) as unknown as ClaimListSource;
  query = query.where('c.listed', '=', 1);
  if (q.verdict) query = query.where('c.current_verdict', '=', q.verdict);
  if (q.claimant) query = query.where('c.claimant', '=', q.claimant);
  if (q.confidence) query = query.where('c.confidence_band', '=', q.confidence);
  return query;
}

/** Every current claim that passes the filters, one page at a time, in the chosen order. */
export async function listClaims(db: Db, query: Partial<ClaimListQuery> = {}): Promise<ClaimList> {
  const q = claimListQuerySchema.parse(query);
  const ascending = (q.order ?? (q.sort === 'title' ? 'asc' : 'desc')) === 'asc';
  const order = `${q.sort}:${ascending ? 'asc' : 'desc'}`;
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, order) : null;
  // A topic filter walks the topic's own index (claim_topic carries the title key for it).
  const viaTopic = q.topic !== undefined;
  const keyColumn =
    q.sort === 'title'
      ? viaTopic ? 't.sort_title' : 'c.sort_title'
      : q.sort === 'confidence'
        ? ascending ? 'c.confidence_asc_key' : 'c.confidence_desc_key'
        : 'c.current_verdict_date';
  const idColumn = viaTopic && q.sort === 'title' ? 't.claim_id' : 'c.id';
  const direction = readDirection(ascending, cursor);

  const rows = await filteredClaims(db, q)
    .select(SUMMARY_COLUMNS)
    .select((eb) => [eb.ref(keyColumn as never).as('sort_key')])
    .where((eb) => keysetCondition(eb, [keyColumn, idColumn], cursor, ascending))
    .orderBy(keyColumn as never, direction)
    .orderBy(idColumn as never, direction)
    .limit(q.pageSize + 1)
    .execute();

  const total = await countClaims(db, q);
  const page = rows.slice(0, q.pageSize + 1) as unknown as (SummaryRow & { sort_key: string | number })[];
  const topics = await topicsOf(db, page.map((r) => r.id));
  const list = toKeysetPage(page, {
    pageSize: q.pageSize,
    cursor,
    order,
    keyOf: (r) => [r.sort_key, r.id],
    map: (r) => toClaimSummary(r, topics.get(r.id) ?? []),
    total: total.count,
    totalIsLowerBound: total.lowerBound,
  });
  return {
    ...list,
    facets: {
      topics: await listFacetValues(db, 'topic', { selected: q.topic }),
      claimants: await listFacetValues(db, 'claimant', { selected: q.claimant }),
    },
  };
}

/**
 * How many claims pass the filters: one filter (or none) is an aggregate kept by writes;
 * a combination is counted through its index up to COUNT_CAP.
 */
async function countClaims(db: Db, q: ClaimListQuery): Promise<{ count: number; lowerBound: boolean }> {
  const filters: [string, string][] = [];
  if (q.verdict) filters.push(['verdict', q.verdict]);
  if (q.topic) filters.push(['topic', q.topic]);
  if (q.claimant) filters.push(['claimant', q.claimant]);
  if (q.confidence) filters.push(['band', q.confidence]);
  if (filters.length === 0) return { count: await readFacetCount(db, 'all', ''), lowerBound: false };
  if (filters.length === 1) return { count: await readFacetCount(db, filters[0]![0], filters[0]![1]), lowerBound: false };
  const row = await db
    .selectFrom(filteredClaims(db, q).select('c.id').limit(COUNT_CAP + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > COUNT_CAP ? { count: COUNT_CAP, lowerBound: true } : { count: n, lowerBound: false };
}

/** The newest verdicts (for the home page): current claims by verdict date, newest first. */
export async function listRecentVerdicts(db: Db, limit = 8): Promise<ClaimSummary[]> {
  const rows = await db
    .selectFrom('claim as c')
    .select(SUMMARY_COLUMNS)
    .where('c.listed', '=', 1)
    .orderBy('c.current_verdict_date', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  const topics = await topicsOf(db, rows.map((r) => r.id));
  return rows.map((r) => toClaimSummary(r, topics.get(r.id) ?? []));
}

/** Claims whose newest evidence is dated after their verdict, oldest verdict first (for the home page). */
export async function listClaimsNeedingReview(db: Db, limit = 8): Promise<ClaimSummary[]> {
  const rows = await db
    .selectFrom('claim as c')
    .select(SUMMARY_COLUMNS)
    .where('c.listed', '=', 1)
    .where('c.needs_review', '=', 1)
    .orderBy('c.current_verdict_date')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  const topics = await topicsOf(db, rows.map((r) => r.id));
  return rows.map((r) => toClaimSummary(r, topics.get(r.id) ?? []));
}

/** Ids of every published claim, withdrawn ones included (drafts never), in id order, one page at a time (sitemaps, static params). */
export async function listClaimIds(db: Db, options: { after?: string; limit?: number } = {}): Promise<string[]> {
  let q = db.selectFrom('claim').select('id').where('status', '=', 'published').orderBy('id').limit(options.limit ?? 1000);
  if (options.after) q = q.where('id', '>', options.after);
  return (await q.execute()).map((r) => r.id);
}
