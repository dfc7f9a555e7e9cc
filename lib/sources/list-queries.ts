import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import type { EvidenceItem } from '../evidence/dto';
import { selectAcceptedEvidence, toEvidenceItem } from '../evidence/queries';
import { parseStringList } from '../shared/json-columns';
import { decodeCursorOrThrow, keysetCondition, readDirection, toKeysetPage, type KeysetPage } from '../shared/keyset';
import { RELIABILITY_GRADES, SOURCE_TYPES, VERDICTS, type Verdict } from '../shared/vocabulary';
import { COUNT_CAP, readFacetCount } from '../history/facet-counts';
import type { SourceClaimUse, SourceSummary } from './dto';
import { sourceLinkColumns, toSourceLink } from './source-link';

/**
 * Lists of sources, and of what rests on one source, at any size: keyset pages over indexes
 * on the derived columns (use, title, date) and on source_claim, counts from the derived
 * counts on the source row (kept by writes).
 */

type Db = Kysely<Database>;

export const SOURCE_SORTS = ['use', 'date', 'title'] as const;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const sourceListQuerySchema = z.strictObject({
  type: z.preprocess(emptyToUndefined, z.enum(SOURCE_TYPES).optional()),
  reliability: z.preprocess(emptyToUndefined, z.enum(RELIABILITY_GRADES).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(SOURCE_SORTS).default('use')),
  cursor: z.preprocess(emptyToUndefined, z.string().max(1024).optional()),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type SourceListQuery = z.infer<typeof sourceListQuerySchema>;

const SUMMARY_COLUMNS = [...sourceLinkColumns.map((c) => `s.${c}` as const), 's.authors', 's.claim_count', 's.evidence_count', 's.use_rank', 's.sort_title', 's.published_key'] as const;

function toSourceSummary(r: { id: string; title: string; publisher: string | null; published: string | null; type: string; reliability: string; url: string | null; is_verified: number; authors: string; claim_count: number; evidence_count: number }): SourceSummary {
  return { ...toSourceLink(r), authors: parseStringList(r.authors), claimCount: r.claim_count, evidenceCount: r.evidence_count };
}

/**
 * How many public sources pass the filters: one filter (or none) from the counts writes keep;
 * type and grade together counted through their index up to COUNT_CAP.
 */
async function countSources(db: Db, q: SourceListQuery): Promise<{ count: number; lowerBound: boolean }> {
  if (!q.type || !q.reliability) {
    const [facet, value] = q.type ? ['source-type', q.type] : q.reliability ? ['source-grade', q.reliability] : ['sources', ''];
    return { count: await readFacetCount(db, facet, value), lowerBound: false };
  }
  const capped = db.selectFrom('source as s').select('s.id').where('s.listed', '=', 1).where('s.type', '=', q.type).where('s.reliability', '=', q.reliability).limit(COUNT_CAP + 1);
  const n = Number((await db.selectFrom(capped.as('capped')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return n > COUNT_CAP ? { count: COUNT_CAP, lowerBound: true } : { count: n, lowerBound: false };
}

/** Every public source (merged duplicates and unreviewed proposals' sources left out), a page at a time. */
export async function listSources(db: Db, query: Partial<SourceListQuery> = {}): Promise<KeysetPage<SourceSummary>> {
  const q = sourceListQuerySchema.parse(query);
  // Most used first (ties by title), newest first (undated last), or by title.
  const columns = q.sort === 'use' ? ['s.use_rank', 's.sort_title', 's.id'] : q.sort === 'date' ? ['s.published_key', 's.id'] : ['s.sort_title', 's.id'];
  const ascending = q.sort !== 'date';
  const order = `${q.sort}`;
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, order) : null;
  const direction = readDirection(ascending, cursor);
  let rows = db.selectFrom('source as s').select(SUMMARY_COLUMNS).where('s.listed', '=', 1);
  if (q.type) rows = rows.where('s.type', '=', q.type);
  if (q.reliability) rows = rows.where('s.reliability', '=', q.reliability);
  rows = rows.where((eb) => keysetCondition(eb, columns, cursor, ascending));
  for (const c of columns) rows = rows.orderBy(c as never, direction);
  const found = await rows.limit(q.pageSize + 1).execute();
  return toKeysetPage(found, {
    pageSize: q.pageSize,
    cursor,
    order,
    keyOf: (r) => (q.sort === 'use' ? [r.use_rank, r.sort_title, r.id] : q.sort === 'date' ? [r.published_key, r.id] : [r.sort_title, r.id]),
    map: toSourceSummary,
    ...(await countSources(db, q).then((c) => ({ total: c.count, totalIsLowerBound: c.lowerBound }))),
  });
}

/** The sources most claims and evidence rest on (home page). */
export async function listMostUsedSources(db: Db, limit = 8): Promise<SourceSummary[]> {
  return (await listSources(db, { sort: 'use', pageSize: limit })).items;
}

export const sourceClaimsQuerySchema = z.strictObject({
  cursor: z.preprocess(emptyToUndefined, z.string().max(1024).optional()),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(20)),
});

/** The current claims resting on a source, by title, a page at a time (source_claim is kept by writes). */
export async function listSourceClaims(db: Db, sourceId: string, query: Partial<z.infer<typeof sourceClaimsQuerySchema>> = {}): Promise<KeysetPage<SourceClaimUse>> {
  const q = sourceClaimsQuerySchema.parse(query);
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, 'title') : null;
  const rows = await db
    .selectFrom('source_claim as sc')
    .innerJoin('claim as c', 'c.id', 'sc.claim_id')
    .select(['sc.claim_id', 'sc.sort_title', 'sc.via_appearance', 'sc.via_citation', 'sc.evidence_count', 'c.title', 'c.current_verdict', 'c.is_withdrawn'])
    .where('sc.source_id', '=', sourceId)
    .where((eb) => keysetCondition(eb, ['sc.sort_title', 'sc.claim_id'], cursor, true))
    .orderBy('sc.sort_title', readDirection(true, cursor))
    .orderBy('sc.claim_id', readDirection(true, cursor))
    .limit(q.pageSize + 1)
    .execute();
  const total = await db.selectFrom('source').select('claim_count').where('id', '=', sourceId).executeTakeFirst();
  return toKeysetPage(rows, {
    pageSize: q.pageSize,
    cursor,
    order: 'title',
    keyOf: (r) => [r.sort_title, r.claim_id],
    map: (r) => ({
      id: r.claim_id,
      title: r.title,
      roles: [...(r.via_appearance ? ['appearance' as const] : []), ...(r.via_citation ? ['cited' as const] : []), ...(r.evidence_count > 0 ? ['evidence' as const] : [])],
      verdict: ((VERDICTS as readonly string[]).includes(r.current_verdict) ? r.current_verdict : 'unverifiable') as Verdict,
      withdrawn: r.is_withdrawn === 1,
    }),
    total: total?.claim_count ?? 0,
  });
}

/** Accepted evidence drawn from a source, oldest first, a page at a time, each with its claim's title. */
export async function listSourceEvidence(
  db: Db,
  sourceId: string,
  query: Partial<z.infer<typeof sourceClaimsQuerySchema>> = {},
): Promise<KeysetPage<EvidenceItem & { claimTitle: string }>> {
  const q = sourceClaimsQuerySchema.parse(query);
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, 'created') : null;
  const rows = await selectAcceptedEvidence(db)
    .innerJoin('claim as c', 'c.id', 'e.claim_id')
    .select(['c.title as claim_title'])
    .where('e.source_id', '=', sourceId)
    .where('c.listed', '=', 1)
    .where((eb) => keysetCondition(eb, ['e.created_at', 'e.id'], cursor, true))
    .orderBy('e.created_at', readDirection(true, cursor))
    .orderBy('e.id', readDirection(true, cursor))
    .limit(q.pageSize + 1)
    .execute();
  // Kept by writes: accepted evidence from this source on current claims.
  const total = await db.selectFrom('source').select('evidence_count').where('id', '=', sourceId).executeTakeFirst();
  return toKeysetPage(rows, {
    pageSize: q.pageSize,
    cursor,
    order: 'created',
    keyOf: (r) => [r.created_at, r.id],
    map: (r) => ({ ...toEvidenceItem(r), claimTitle: r.claim_title }),
    total: total?.evidence_count ?? 0,
  });
}
