import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { asVerdict } from '../claims/verdict-rules';
import { COUNT_CAP } from '../history/facet-counts';
import { parseCitations } from '../sources/citations';
import { sourceLinkColumns, toSourceLink, type SourceLink } from '../sources/source-link';
import { decodeCursorOrThrow, keysetCondition, readDirection, toKeysetPage, type KeysetPage } from '../shared/keyset';
import { isSlug } from '../shared/vocabulary';
import type { ClaimLineage, LineageRoot, SourceLineage, SourceLineageNode } from './dto';
import { LINEAGE_FORMAT, LINEAGE_MAX_NODES, type StoredLineage } from './graph';

/**
 * Reads of lineage, each bounded whatever the size of the ledger: a claim's stored graph (at
 * most LINEAGE_MAX_NODES sources), a source's neighbourhood (a page each way), the roots list
 * (keyset pages on one index).
 */

type Db = Kysely<Database>;

/** Upstream and downstream sources shown around one source (each way). */
export const SOURCE_NEIGHBOURHOOD_LIMIT = 40;

async function loadLinks(db: Db, ids: string[]): Promise<Map<string, SourceLink>> {
  const out = new Map<string, SourceLink>();
  for (let i = 0; i < ids.length; i += 300) {
    const rows = await db.selectFrom('source').select(sourceLinkColumns).where('id', 'in', ids.slice(i, i + 300)).execute();
    for (const r of rows) out.set(r.id, toSourceLink(r));
  }
  return out;
}

function missingSource(id: string): SourceLink {
  return { id, title: id, publisher: null, published: null, type: 'blog', reliability: 'U', url: null, verified: false };
}

function parseStored(json: string): StoredLineage | null {
  try {
    const v = JSON.parse(json) as StoredLineage;
    return v && v.format === LINEAGE_FORMAT && Array.isArray(v.nodes) ? v : null;
  } catch {
    return null;
  }
}

/** The stored lineage of a claim with its sources named; null when the claim has none (or no such claim). */
export async function getClaimLineage(db: Db, claimId: string): Promise<ClaimLineage | null> {
  if (!isSlug(claimId)) return null;
  // A draft has no reader pages, its lineage included.
  const row = await db
    .selectFrom('claim_lineage as l')
    .innerJoin('claim as c', 'c.id', 'l.claim_id')
    .select('l.graph')
    .where('l.claim_id', '=', claimId)
    .where('c.status', '=', 'published')
    .executeTakeFirst();
  const stored = row ? parseStored(row.graph) : null;
  if (!stored) return null;
  const ids = [...new Set([...stored.nodes.map((n) => n.id), ...stored.evidence.groups.flatMap((g) => [...g.roots, ...g.sources]), ...Object.values(stored.evidence.byStance).flatMap((s) => s.sharedUpstream)])];
  const links = await loadLinks(db, ids.slice(0, LINEAGE_MAX_NODES * 3));
  return {
    claimId,
    nodes: stored.nodes.map((n) => ({ source: links.get(n.id) ?? missingSource(n.id), depth: n.depth, date: n.date, flags: n.flags, deadEnd: n.deadEnd, appearance: n.appearance })),
    edges: stored.edges,
    mutations: stored.mutations,
    groups: stored.groups,
    first: stored.first,
    counts: stored.counts,
    evidence: stored.evidence,
    truncated: stored.truncated,
    names: Object.fromEntries(ids.map((id) => [id, links.get(id) ?? missingSource(id)])),
  };
}

export const throughOthersQuerySchema = z.strictObject({
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(1024).optional()),
  pageSize: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(100).default(20)),
});

/** Current claims that rest on a source only through other sources, by id, a page at a time. */
export async function listClaimsThroughOthers(
  db: Db,
  sourceId: string,
  query: Partial<z.infer<typeof throughOthersQuerySchema>> = {},
): Promise<KeysetPage<{ id: string; title: string; verdict: ReturnType<typeof asVerdict> }>> {
  const q = throughOthersQuerySchema.parse(query);
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, 'claim') : null;
  const rows = await db
    .selectFrom('lineage_node as n')
    .innerJoin('claim as c', 'c.id', 'n.claim_id')
    .select(['n.claim_id', 'c.title', 'c.current_verdict'])
    .where('n.source_id', '=', sourceId)
    .where('n.direct', '=', 0)
    .where((eb) => keysetCondition(eb, ['n.claim_id'], cursor, true))
    .orderBy('n.claim_id', readDirection(true, cursor))
    .limit(q.pageSize + 1)
    .execute();
  // Counted through the index, up to a cap ("at least" beyond it).
  const capped = db.selectFrom('lineage_node').select('claim_id').where('source_id', '=', sourceId).where('direct', '=', 0).limit(COUNT_CAP + 1);
  const n = Number((await db.selectFrom(capped.as('capped')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return toKeysetPage(rows, {
    pageSize: q.pageSize,
    cursor,
    order: 'claim',
    keyOf: (r) => [r.claim_id],
    map: (r) => ({ id: r.claim_id, title: r.title, verdict: asVerdict(r.current_verdict) }),
    total: Math.min(n, COUNT_CAP),
    totalIsLowerBound: n > COUNT_CAP,
  });
}

/**
 * A source's neighbourhood: what it derives from (upstream, to the depth bound), what derives
 * from it (downstream, nearest first, a bounded page), the links among them, and the claims
 * resting on it through others. Null when no public source has that id.
 */
export async function getSourceLineage(db: Db, sourceId: string, query: Partial<z.infer<typeof throughOthersQuerySchema>> = {}): Promise<SourceLineage | null> {
  if (!isSlug(sourceId)) return null;
  const self = await db.selectFrom('source').select([...sourceLinkColumns, 'status', 'is_verified', 'cites']).where('id', '=', sourceId).executeTakeFirst();
  if (!self || self.status !== 'accepted') return null;
  const up = await db
    .selectFrom('source_upstream')
    .select(['upstream_id', 'depth'])
    .where('source_id', '=', sourceId)
    .orderBy('upstream_id')
    .limit(SOURCE_NEIGHBOURHOOD_LIMIT + 1)
    .execute();
  const down = await db
    .selectFrom('source_upstream')
    .select(['source_id', 'depth'])
    .where('upstream_id', '=', sourceId)
    .orderBy('source_id')
    .limit(SOURCE_NEIGHBOURHOOD_LIMIT + 1)
    .execute();
  const truncated = up.length > SOURCE_NEIGHBOURHOOD_LIMIT || down.length > SOURCE_NEIGHBOURHOOD_LIMIT;
  const depthOf = new Map<string, number>([[sourceId, 0]]);
  for (const r of up.slice(0, SOURCE_NEIGHBOURHOOD_LIMIT)) depthOf.set(r.upstream_id, -r.depth);
  for (const r of down.slice(0, SOURCE_NEIGHBOURHOOD_LIMIT)) if (!depthOf.has(r.source_id)) depthOf.set(r.source_id, r.depth);
  const ids = [...depthOf.keys()];
  const facts = new Map<string, { verified: boolean; reliability: string; cites: ReturnType<typeof parseCitations>; link: SourceLink }>();
  for (let i = 0; i < ids.length; i += 300) {
    const rows = await db.selectFrom('source').select([...sourceLinkColumns, 'is_verified', 'cites']).where('id', 'in', ids.slice(i, i + 300)).execute();
    for (const r of rows) facts.set(r.id, { verified: r.is_verified === 1, reliability: r.reliability, cites: parseCitations(r.cites), link: toSourceLink(r) });
  }
  const shown = new Set(ids);
  const edges = ids.flatMap((from) =>
    (facts.get(from)?.cites ?? [])
      .filter((c) => shown.has(c.source))
      .map((c) => ({ from, to: c.source, basis: c.basis, locator: c.locator, inferredBy: c.inferred_by, note: c.note })),
  );
  const nodes: SourceLineageNode[] = ids
    .map((id): SourceLineageNode => {
      const f = facts.get(id);
      const citesNothing = (f?.cites.length ?? 0) === 0;
      const flags: SourceLineageNode['flags'] = [];
      if (!f || !f.verified) flags.push('dead-end');
      if (citesNothing) flags.push('root');
      if (f && f.verified && citesNothing && f.reliability !== 'A') flags.push('unsourced');
      return { source: f?.link ?? missingSource(id), depth: depthOf.get(id)!, flags };
    })
    .sort((a, b) => a.depth - b.depth || a.source.id.localeCompare(b.source.id));
  const counts = await db.selectFrom('source_lineage').select(['derived_sources', 'derived_claims']).where('source_id', '=', sourceId).executeTakeFirst();
  const upstreamCount = up.length > SOURCE_NEIGHBOURHOOD_LIMIT
    ? Number((await db.selectFrom('source_upstream').select((eb) => eb.fn.countAll<number>().as('n')).where('source_id', '=', sourceId).executeTakeFirstOrThrow()).n)
    : up.length;
  return {
    sourceId,
    nodes,
    edges,
    derivedSources: counts?.derived_sources ?? 0,
    derivedClaims: counts?.derived_claims ?? 0,
    upstreamCount,
    truncated,
    claimsThroughOthers: await listClaimsThroughOthers(db, sourceId, query),
  };
}

export const lineageRootsQuerySchema = z.strictObject({
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(1024).optional()),
  pageSize: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(100).default(25)),
});
export type LineageRootsQuery = z.infer<typeof lineageRootsQuerySchema>;

/** Upstream roots (sources that cite nothing recorded and that others derive from), most claims first, then most sources. */
export async function listLineageRoots(db: Db, query: Partial<LineageRootsQuery> = {}): Promise<KeysetPage<LineageRoot>> {
  const q = lineageRootsQuerySchema.parse(query);
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, 'roots') : null;
  const direction = readDirection(true, cursor);
  const rows = await db
    .selectFrom('source_lineage as l')
    .innerJoin('source as s', 's.id', 'l.source_id')
    .select(['l.source_id', 'l.claims_key', 'l.sources_key', 'l.derived_claims', 'l.derived_sources', ...sourceLinkColumns.map((c) => `s.${c}` as const)])
    .where('l.listed_root', '=', 1)
    .where((eb) => keysetCondition(eb, ['l.claims_key', 'l.sources_key', 'l.source_id'], cursor, true))
    .orderBy('l.claims_key', direction)
    .orderBy('l.sources_key', direction)
    .orderBy('l.source_id', direction)
    .limit(q.pageSize + 1)
    .execute();
  const capped = db.selectFrom('source_lineage').select('source_id').where('listed_root', '=', 1).limit(COUNT_CAP + 1);
  const n = Number((await db.selectFrom(capped.as('capped')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return toKeysetPage(rows, {
    pageSize: q.pageSize,
    cursor,
    order: 'roots',
    keyOf: (r) => [r.claims_key, r.sources_key, r.source_id],
    map: (r) => ({ source: toSourceLink(r), derivedClaims: r.derived_claims, derivedSources: r.derived_sources }),
    total: Math.min(n, COUNT_CAP),
    totalIsLowerBound: n > COUNT_CAP,
  });
}
