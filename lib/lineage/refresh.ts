import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { parseCitations, type Citation } from '../sources/citations';
import { STANCES, type Stance } from '../shared/vocabulary';
import { computeLineage, LINEAGE_MAX_DEPTH, lineageMembers, type LineageAppearance, type LineageInput, type LineageSource } from './graph';

/**
 * Lineage as derived state: refreshed inside the write transaction for exactly what a write
 * touched, so that pages and the API only read it.
 *
 * - A claim's graph (claim_lineage) and the sources it rests on (lineage_node) follow from its
 *   appearances, its evidence and the citations of the sources reached; a citation edit on one
 *   source changes every claim whose graph holds that source, found through lineage_node.
 * - Each source's upstream (source_upstream) follows from source_cite; an edit on a source
 *   changes it and everything downstream of it, found through the upstream index.
 * - source_lineage keeps, per source, how many sources and claims derive from it (moved by
 *   deltas, never recounted) and whether it is a root the /sources/graph list shows.
 */

type Db = Kysely<Database>;

/** Source fields the graphs read: a write that changes one of these re-derives what rests on it. */
export const LINEAGE_SOURCE_FIELDS = ['cites', 'is_verified', 'reliability', 'published', 'merged_into', 'status'] as const;

const CHUNK = 300;

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function chunked<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface SourceFacts extends LineageSource {
  mergedInto: string | null;
  cites: Citation[];
  listed: boolean;
}

/** Loads sources by id (chunked), remembering them in `known`; ids with no row stay absent. */
async function loadSources(trx: Db, ids: Iterable<string>, known: Map<string, SourceFacts | null>): Promise<void> {
  const wanted = [...new Set(ids)].filter((id) => !known.has(id));
  for (const part of chunked(wanted)) {
    const rows = await trx
      .selectFrom('source')
      .select(['id', 'published', 'is_verified', 'reliability', 'merged_into', 'cites', 'listed'])
      .where('id', 'in', part)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of part) {
      const r = byId.get(id);
      known.set(
        id,
        r
          ? { id, published: r.published, verified: r.is_verified === 1, reliability: r.reliability, mergedInto: r.merged_into, cites: parseCitations(r.cites), listed: r.listed === 1 }
          : null,
      );
    }
  }
}

/** A merged source stands for the one it was merged into (merges never chain). */
function canonical(known: Map<string, SourceFacts | null>, id: string): string {
  return known.get(id)?.mergedInto ?? id;
}

/** Loads everything reachable from `start` through citations, to the depth bound (plus the merge targets). */
async function loadReachable(trx: Db, start: Iterable<string>, known: Map<string, SourceFacts | null>): Promise<void> {
  let frontier = [...new Set(start)];
  for (let depth = 0; depth <= LINEAGE_MAX_DEPTH + 1 && frontier.length; depth++) {
    await loadSources(trx, frontier, known);
    const merged = frontier.map((id) => known.get(id)?.mergedInto).filter((x): x is string => !!x);
    await loadSources(trx, merged, known);
    const next = new Set<string>();
    for (const id of [...frontier, ...merged]) for (const c of known.get(id)?.cites ?? []) if (!known.has(c.source)) next.add(c.source);
    frontier = [...next];
  }
}

/** Citations with merged sources replaced by their survivors. */
function resolved(known: Map<string, SourceFacts | null>, cites: Citation[]): Citation[] {
  return cites.map((c) => ({ ...c, source: canonical(known, c.source) }));
}

type Delta = Map<string, { sources: number; claims: number }>;
const bump = (delta: Delta, id: string, field: 'sources' | 'claims', by: number) => {
  const d = delta.get(id) ?? { sources: 0, claims: 0 };
  d[field] += by;
  delta.set(id, d);
};

/** Recomputes the upstream of these sources and of everything downstream of them. */
async function refreshUpstream(trx: Db, relinked: string[], delta: Delta): Promise<Set<string>> {
  const affected = new Set(relinked);
  for (const part of chunked(relinked)) {
    for (const r of await trx.selectFrom('source_upstream').select('source_id').where('upstream_id', 'in', part).execute()) affected.add(r.source_id);
  }
  const known = new Map<string, SourceFacts | null>();
  const ids = [...affected].sort();
  await loadReachable(trx, ids, known);
  for (const part of chunked(ids)) {
    const stored = await trx.selectFrom('source_upstream').select(['source_id', 'upstream_id', 'depth']).where('source_id', 'in', part).execute();
    const storedBy = new Map<string, Map<string, number>>();
    for (const r of stored) storedBy.set(r.source_id, (storedBy.get(r.source_id) ?? new Map()).set(r.upstream_id, r.depth));
    for (const id of part) {
      const facts = known.get(id);
      const next = new Map<string, number>();
      // A merged or missing source derives from nothing of its own: its survivor carries the links.
      if (facts && !facts.mergedInto) {
        let frontier = [id];
        for (let depth = 1; depth <= LINEAGE_MAX_DEPTH && frontier.length; depth++) {
          const more: string[] = [];
          for (const f of frontier) {
            for (const c of resolved(known, known.get(f)?.cites ?? [])) {
              if (c.source === id || next.has(c.source)) continue;
              next.set(c.source, depth);
              more.push(c.source);
            }
          }
          frontier = more;
        }
      }
      const before = storedBy.get(id) ?? new Map<string, number>();
      const gone = [...before.keys()].filter((u) => !next.has(u));
      const added = [...next.entries()].filter(([u]) => !before.has(u));
      const moved = [...next.entries()].filter(([u, d]) => before.has(u) && before.get(u) !== d);
      for (const u of gone) bump(delta, u, 'sources', -1);
      for (const [u] of added) bump(delta, u, 'sources', 1);
      if (gone.length) await trx.deleteFrom('source_upstream').where('source_id', '=', id).where('upstream_id', 'in', gone).execute();
      for (const rows of chunked(added.map(([u, d]) => ({ source_id: id, upstream_id: u, depth: d })), 200)) await trx.insertInto('source_upstream').values(rows).execute();
      for (const [u, d] of moved) await trx.updateTable('source_upstream').set({ depth: d }).where('source_id', '=', id).where('upstream_id', '=', u).execute();
    }
  }
  return affected;
}

/** Recomputes the graphs of these claims; moves the per-source claim counts by what changed. */
async function refreshClaimGraphs(trx: Db, claimIds: string[], delta: Delta): Promise<void> {
  for (const part of chunked(claimIds)) {
    const claims = await trx.selectFrom('claim').select(['id', 'listed']).where('id', 'in', part).execute();
    if (claims.length === 0) continue;
    const present = claims.map((c) => c.id);
    const appearanceRows = await trx
      .selectFrom('claim_appearance')
      .select(['claim_id', 'position', 'source_id', 'date', 'note', 'cites_own', 'said_lang', 'said_text', 'said_translation', 'figure_value', 'figure_low', 'figure_high', 'figure_unit'])
      .where('claim_id', 'in', present)
      .orderBy('claim_id')
      .orderBy('position')
      .execute();
    const citeRows = await trx
      .selectFrom('appearance_cite')
      .select(['claim_id', 'position', 'cited_source_id', 'basis', 'locator', 'inferred_by', 'note'])
      .where('claim_id', 'in', present)
      .orderBy('claim_id')
      .orderBy('position')
      .orderBy('cited_source_id')
      .execute();
    const evidenceRows = (
      await trx
        .selectFrom('evidence')
        .select((eb) => ['claim_id', 'source_id', 'stance', eb.fn.countAll<number | string>().as('entries')])
        .where('claim_id', 'in', present)
        .where('status', '=', 'accepted')
        .where('retracted_at', 'is', null)
        .groupBy(['claim_id', 'source_id', 'stance'])
        .orderBy('claim_id')
        .orderBy('source_id')
        .orderBy('stance')
        .execute()
    ).map((r) => ({ ...r, entries: Number(r.entries) }));
    const storedNodes = await trx.selectFrom('lineage_node').select(['claim_id', 'source_id', 'direct']).where('claim_id', 'in', present).execute();
    const existing = new Set((await trx.selectFrom('claim_lineage').select('claim_id').where('claim_id', 'in', present).execute()).map((r) => r.claim_id));

    const known = new Map<string, SourceFacts | null>();
    await loadReachable(trx, [...appearanceRows.map((a) => a.source_id), ...citeRows.map((c) => c.cited_source_id), ...evidenceRows.map((e) => e.source_id)], known);
    const sources = new Map<string, LineageSource>();
    const sourceCites = new Map<string, Citation[]>();
    for (const [id, facts] of known) {
      if (!facts || facts.mergedInto) continue;
      sources.set(id, facts);
      sourceCites.set(id, resolved(known, facts.cites));
    }
    const appearancesBy = groupBy(appearanceRows, (a) => a.claim_id);
    const citesBy = groupBy(citeRows, (x) => x.claim_id);
    const evidenceBy = groupBy(evidenceRows, (e) => e.claim_id);
    const nodesBy = groupBy(storedNodes, (n) => n.claim_id);
    // New rows are collected and inserted a few hundred at a time: one statement per claim
    // was most of a full ingest's lineage cost.
    const newGraphs: Insertable<Database['claim_lineage']>[] = [];
    const newNodes: Insertable<Database['lineage_node']>[] = [];

    for (const c of claims) {
      const cites = citesBy.get(c.id) ?? [];
      const appearances: LineageAppearance[] = (appearancesBy.get(c.id) ?? [])
        .map((a) => ({
          position: a.position,
          sourceId: canonical(known, a.source_id),
          date: a.date,
          note: a.note,
          said: a.said_text && a.said_lang ? { lang: a.said_lang, text: a.said_text, translation: a.said_translation } : null,
          figure: a.figure_unit && (a.figure_value !== null || (a.figure_low !== null && a.figure_high !== null))
            ? { value: a.figure_value, low: a.figure_low, high: a.figure_high, unit: a.figure_unit }
            : null,
          citesOwn: a.cites_own === 1,
          cites: resolved(
            known,
            cites
              .filter((x) => x.position === a.position)
              .map((x) => ({ source: x.cited_source_id, basis: x.basis, locator: x.locator, inferred_by: x.inferred_by, note: x.note })),
          ),
        }));
      const input: LineageInput = {
        appearances,
        evidence: (evidenceBy.get(c.id) ?? [])
          .map((e) => ({ sourceId: canonical(known, e.source_id), stance: ((STANCES as readonly string[]).includes(e.stance) ? e.stance : 'context') as Stance, entries: e.entries })),
        sources,
        sourceCites,
      };
      const lineage = computeLineage(input);
      const row = {
        source_count: lineage.counts.sources,
        independent_count: lineage.counts.independent,
        independent_stated_count: lineage.counts.independentStated,
        support_source_count: lineage.evidence.byStance.supports.sources,
        support_independent_count: lineage.evidence.byStance.supports.independent,
        first_source_id: lineage.first?.sourceIds[0] ?? null,
        first_date: lineage.first?.date ?? null,
        flag_count: lineage.counts.flagged,
        graph: JSON.stringify(lineage),
      };
      if (existing.has(c.id)) await trx.updateTable('claim_lineage').set(row).where('claim_id', '=', c.id).execute();
      else newGraphs.push({ claim_id: c.id, ...row });

      // Only current claims count as resting on a source.
      const members = c.listed === 1 ? lineageMembers(input, lineage) : new Map<string, boolean>();
      const before = new Map((nodesBy.get(c.id) ?? []).map((n) => [n.source_id, n.direct === 1]));
      const gone = [...before.keys()].filter((s) => !members.has(s));
      const added = [...members.entries()].filter(([s]) => !before.has(s));
      const changed = [...members.entries()].filter(([s, d]) => before.has(s) && before.get(s) !== d);
      for (const s of gone) bump(delta, s, 'claims', -1);
      for (const [s] of added) bump(delta, s, 'claims', 1);
      for (const g of chunked(gone, 200)) await trx.deleteFrom('lineage_node').where('claim_id', '=', c.id).where('source_id', 'in', g).execute();
      for (const [s, d] of added) newNodes.push({ claim_id: c.id, source_id: s, direct: d ? 1 : 0 });
      for (const [s, d] of changed) await trx.updateTable('lineage_node').set({ direct: d ? 1 : 0 }).where('claim_id', '=', c.id).where('source_id', '=', s).execute();
    }
    for (const rows of chunked(newGraphs, 200)) await trx.insertInto('claim_lineage').values(rows).execute();
    for (const rows of chunked(newNodes, 500)) await trx.insertInto('lineage_node').values(rows).execute();
  }
}

/** Applies the count deltas and recomputes, for these sources, whether the roots list shows them. */
async function refreshSourceLineage(trx: Db, ids: Set<string>, delta: Delta): Promise<void> {
  const moves = [...delta.entries()].filter(([, d]) => d.sources !== 0 || d.claims !== 0);
  for (const part of chunked(moves, 200)) {
    await trx
      .insertInto('source_lineage')
      .values(part.map(([id, d]) => ({ source_id: id, derived_sources: d.sources, derived_claims: d.claims })))
      .onConflict((oc) =>
        oc.column('source_id').doUpdateSet((eb) => ({
          derived_sources: eb('source_lineage.derived_sources', '+', eb.ref('excluded.derived_sources')),
          derived_claims: eb('source_lineage.derived_claims', '+', eb.ref('excluded.derived_claims')),
        })),
      )
      .execute();
  }
  const all = [...new Set([...ids, ...moves.map(([id]) => id)])].sort();
  for (const part of chunked(all)) {
    const sources = new Map(
      (await trx.selectFrom('source').select(['id', 'listed', 'merged_into']).where('id', 'in', part).execute()).map((r) => [r.id, r]),
    );
    const citing = new Set((await trx.selectFrom('source_cite').select('source_id').where('source_id', 'in', part).execute()).map((r) => r.source_id));
    const stored = new Map((await trx.selectFrom('source_lineage').selectAll().where('source_id', 'in', part).execute()).map((r) => [r.source_id, r]));
    for (const id of part) {
      const s = sources.get(id);
      const r = stored.get(id) ?? { source_id: id, is_root: 0, derived_sources: 0, derived_claims: 0, listed_root: 0, claims_key: 0, sources_key: 0 };
      const isRoot = s && !s.merged_into && !citing.has(id) ? 1 : 0;
      const next = {
        is_root: isRoot as 0 | 1,
        listed_root: (isRoot && s?.listed === 1 && r.derived_sources > 0 ? 1 : 0) as 0 | 1,
        claims_key: -r.derived_claims,
        sources_key: -r.derived_sources,
      };
      if (!stored.has(id)) await trx.insertInto('source_lineage').values({ ...r, ...next }).execute();
      else if (r.is_root !== next.is_root || r.listed_root !== next.listed_root || r.claims_key !== next.claims_key || r.sources_key !== next.sources_key) {
        await trx.updateTable('source_lineage').set(next).where('source_id', '=', id).execute();
      }
    }
  }
}

/**
 * Called by the derived-state refresh, after the sources' own rows (source_cite) are current:
 * the claims touched, plus every claim whose graph holds a source whose citations or standing
 * changed; and the upstream of those sources and of everything downstream of them.
 */
export async function refreshLineage(trx: Db, touched: { claims: Set<string>; relinkedSources: Set<string> }): Promise<void> {
  const delta: Delta = new Map();
  const relinked = [...touched.relinkedSources].sort();
  const affectedSources = relinked.length ? await refreshUpstream(trx, relinked, delta) : new Set<string>();
  const claims = new Set(touched.claims);
  for (const part of chunked(relinked)) {
    for (const r of await trx.selectFrom('lineage_node').select('claim_id').where('source_id', 'in', part).execute()) claims.add(r.claim_id);
  }
  await refreshClaimGraphs(trx, [...claims].sort(), delta);
  await refreshSourceLineage(trx, affectedSources, delta);
}

/** Empties the lineage tables before a full rebuild (which then relinks every source and claim). */
export async function clearLineage(trx: Db): Promise<void> {
  for (const table of ['claim_lineage', 'lineage_node', 'source_upstream', 'source_lineage'] as const) await trx.deleteFrom(table).execute();
}
