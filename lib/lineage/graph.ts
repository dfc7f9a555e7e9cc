import type { Citation } from '../sources/citations';
import { STANCES, type CitationBasis, type QuantityUnit, type Stance } from '../shared/vocabulary';

/**
 * The lineage of one claim, as a pure function of its appearances, its evidence and the
 * citation links between sources: one graph from the article back to the earliest source found,
 * with what a fact-checker wants flagged, and how many of its sources are really independent.
 * lib/lineage/refresh.ts loads the inputs and stores the result at write time; pages read it.
 *
 * Rules (also on /methodology):
 * - Edges: what an appearance cited for this claim when the claim file says so, otherwise what the
 *   source's own record cites. Followed to LINEAGE_MAX_DEPTH links, LINEAGE_MAX_NODES sources.
 * - Dead end: a source in the graph whose text could not be found or read (unverified, or missing).
 * - Unsourced: a source that was read, cites nothing, and is not primary (grade A).
 * - Cycle: sources that cite each other round a loop.
 * - Mutation: a source states a figure different from the nearest figure upstream of it.
 * - First appearance: the earliest dated appearance; a source cannot be later than one deriving from it.
 * - Independence: two sources are independent when neither derives from the other and they share
 *   no upstream. K is the largest set of pairwise independent appearances found by taking the
 *   sources closest to an origin first: exact when the chains form a tree, a lower bound when they
 *   partly overlap. It is counted with every recorded link, and again with stated links only.
 */

export const LINEAGE_MAX_DEPTH = 8;
export const LINEAGE_MAX_NODES = 120;
/** Bump when the stored shape or the rules change (with DERIVED_STATE_VERSION). */
export const LINEAGE_FORMAT = 1;

export interface Figure {
  value: number | null;
  low: number | null;
  high: number | null;
  unit: QuantityUnit | string;
}

export interface Said {
  lang: string;
  text: string;
  translation: string | null;
}

export interface LineageSource {
  id: string;
  published: string | null;
  verified: boolean;
  reliability: string;
}

export interface LineageAppearance {
  position: number;
  sourceId: string;
  date: string | null;
  note: string | null;
  said: Said | null;
  figure: Figure | null;
  /** True when the claim file lists what this appearance cited (then `cites` replaces the source's). */
  citesOwn: boolean;
  cites: Citation[];
}

/**
 * A claim's evidence from one source with one stance, counted: independence is a matter of
 * sources, so the graph needs how many entries, not which (a claim with thousands of entries
 * is read as a row per source and stance).
 */
export interface LineageEvidence {
  sourceId: string;
  stance: Stance;
  entries: number;
}

export interface LineageInput {
  appearances: LineageAppearance[];
  evidence: LineageEvidence[];
  /** Sources by id; a cited id missing here is a source that was not found. */
  sources: ReadonlyMap<string, LineageSource>;
  /** Each source's own citations (its record). */
  sourceCites: ReadonlyMap<string, Citation[]>;
}

export type NodeFlag = 'appearance' | 'first' | 'dead-end' | 'unsourced' | 'cycle' | 'mutation' | 'root' | 'truncated';
export type EdgeFlag = 'inferred' | 'cycle' | 'mutation';

export interface StoredNode {
  id: string;
  /** Links from the nearest appearance (0 for an appearance). */
  depth: number;
  appearance: { positions: number[]; date: string | null; note: string | null; said: Said | null; figure: Figure | null } | null;
  /** The appearance's date, else the source's publication date. */
  date: string | null;
  flags: NodeFlag[];
  /** Why it is a dead end. */
  deadEnd: 'not-found' | 'not-read' | null;
}

export interface StoredEdge {
  from: string;
  to: string;
  basis: CitationBasis;
  locator: string | null;
  inferredBy: string | null;
  note: string | null;
  /** True when the link comes from the claim file (what the appearance cited for this claim). */
  claimSpecific: boolean;
  flags: EdgeFlag[];
}

export interface Mutation {
  /** The source that states the changed figure. */
  from: string;
  /** The nearest source upstream of it that states a figure. */
  to: string;
  /** Sources between them that state no figure. */
  via: string[];
  fromFigure: Figure;
  toFigure: Figure;
}

export interface IndependenceGroup {
  /** The sources at the top of these chains (citing nothing recorded). */
  roots: string[];
  members: string[];
}

export interface StanceIndependence {
  entries: number;
  sources: number;
  independent: number;
  /** Upstream sources every one of these sources derives from (empty when they share none). */
  sharedUpstream: string[];
}

export interface StoredLineage {
  format: number;
  nodes: StoredNode[];
  edges: StoredEdge[];
  mutations: Mutation[];
  groups: IndependenceGroup[];
  first: { sourceIds: string[]; date: string | null; certain: boolean } | null;
  counts: { appearances: number; sources: number; independent: number; independentStated: number; nodes: number; flagged: number };
  evidence: {
    groups: { roots: string[]; sources: string[]; entries: number }[];
    byStance: Record<Stance, StanceIndependence>;
  };
  truncated: boolean;
}

// ---------------------------------------------------------------------------
// Figures and dates
// ---------------------------------------------------------------------------

function bounds(f: Figure): [number, number] {
  return f.value !== null ? [f.value, f.value] : [f.low ?? Number.NaN, f.high ?? Number.NaN];
}

/** Two figures agree when the units match and one's value lies in the other's range (0.5% slack for rounding). */
export function figuresAgree(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit) return false;
  const [al, ah] = bounds(a);
  const [bl, bh] = bounds(b);
  const slack = (x: number) => Math.abs(x) * 0.005;
  const within = (x: number, lo: number, hi: number) => x >= lo - slack(lo) && x <= hi + slack(hi);
  if (a.value !== null && b.value !== null) return within(a.value, b.value, b.value);
  if (a.value !== null) return within(a.value, bl, bh);
  if (b.value !== null) return within(b.value, al, ah);
  return within(al, bl, bl) && within(ah, bh, bh);
}

/** A YYYY, YYYY-MM or YYYY-MM-DD date as the first and last day it can mean. */
export function dateInterval(date: string): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
  }
  return [date.slice(0, 10), date.slice(0, 10)];
}

// ---------------------------------------------------------------------------
// The graph
// ---------------------------------------------------------------------------

interface Link {
  to: string;
  citation: Citation;
  claimSpecific: boolean;
}

/** What `id` cites in this claim's graph: the claim file's links for its appearance, else its record's. */
function linksOf(input: LineageInput, own: Map<string, Citation[]>, id: string): Link[] {
  const specific = own.get(id);
  const list = specific ?? input.sourceCites.get(id) ?? [];
  const seen = new Set<string>();
  const out: Link[] = [];
  for (const c of list) {
    if (seen.has(c.source)) continue;
    seen.add(c.source);
    out.push({ to: c.source, citation: c, claimSpecific: specific !== undefined });
  }
  return out;
}

/** Everything `start` derives from (itself included), following links to the depth bound. */
function ancestorsOf(start: string, links: (id: string) => Link[], statedOnly: boolean): Set<string> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let depth = 0; depth < LINEAGE_MAX_DEPTH && frontier.length; depth++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const l of links(id)) {
        if (statedOnly && l.citation.basis !== 'stated') continue;
        if (seen.has(l.to) || seen.size >= LINEAGE_MAX_NODES) continue;
        seen.add(l.to);
        next.push(l.to);
      }
    }
    frontier = next;
  }
  return seen;
}

/**
 * The largest set of pairwise independent sources we can find: sources whose upstream (itself
 * included) is smallest go first (they are closest to an origin), each kept if it shares nothing
 * with those already kept. Optimal when upstream sets nest or are disjoint (tree-shaped chains).
 */
function countIndependent(ids: string[], upstreamOf: (id: string) => Set<string>): number {
  const ordered = [...new Set(ids)].map((id) => ({ id, up: upstreamOf(id) })).sort((a, b) => a.up.size - b.up.size || a.id.localeCompare(b.id));
  const taken = new Set<string>();
  let count = 0;
  for (const { up } of ordered) {
    if ([...up].some((u) => taken.has(u))) continue;
    up.forEach((u) => taken.add(u));
    count++;
  }
  return count;
}

/** Strongly connected components (Tarjan), for cycles. */
function cyclicNodes(nodes: string[], out: (id: string) => string[]): { inCycle: Set<string>; component: Map<string, number> } {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  const inCycle = new Set<string>();
  let comp = 0;
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of out(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.set(w, comp);
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || out(v).includes(v)) members.forEach((m) => inCycle.add(m));
      comp++;
    }
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return { inCycle, component };
}

export function computeLineage(input: LineageInput): StoredLineage {
  // What each appearance cited for this claim, where the claim file says so.
  const own = new Map<string, Citation[]>();
  for (const a of input.appearances) {
    if (a.citesOwn) own.set(a.sourceId, [...(own.get(a.sourceId) ?? []), ...a.cites]);
  }
  const links = (id: string) => linksOf(input, own, id);

  // Breadth-first from the appearances, in the claim file's order.
  const depth = new Map<string, number>();
  const order: string[] = [];
  const appearancesOf = new Map<string, LineageAppearance[]>();
  for (const a of input.appearances) {
    appearancesOf.set(a.sourceId, [...(appearancesOf.get(a.sourceId) ?? []), a]);
    if (!depth.has(a.sourceId)) {
      depth.set(a.sourceId, 0);
      order.push(a.sourceId);
    }
  }
  let truncated = false;
  const truncatedNodes = new Set<string>();
  for (let i = 0; i < order.length; i++) {
    const id = order[i]!;
    const d = depth.get(id)!;
    for (const l of links(id)) {
      if (depth.has(l.to)) continue;
      if (d + 1 > LINEAGE_MAX_DEPTH || order.length >= LINEAGE_MAX_NODES) {
        truncated = true;
        truncatedNodes.add(id);
        continue;
      }
      depth.set(l.to, d + 1);
      order.push(l.to);
    }
  }
  const inGraph = (id: string) => depth.has(id);
  const graphLinks = (id: string) => links(id).filter((l) => inGraph(l.to));

  const edges: StoredEdge[] = order.flatMap((from) =>
    graphLinks(from).map((l) => ({
      from,
      to: l.to,
      basis: l.citation.basis,
      locator: l.citation.locator,
      inferredBy: l.citation.inferred_by,
      note: l.citation.note,
      claimSpecific: l.claimSpecific,
      flags: l.citation.basis === 'inferred' ? (['inferred'] as EdgeFlag[]) : [],
    })),
  );
  const outOf = (id: string) => graphLinks(id).map((l) => l.to);

  const { inCycle, component } = cyclicNodes(order, outOf);
  for (const e of edges) if (inCycle.has(e.from) && component.get(e.from) === component.get(e.to)) e.flags.push('cycle');

  const figureOf = (id: string): Figure | null => appearancesOf.get(id)?.find((a) => a.figure)?.figure ?? null;

  // Mutation: each stated figure against the nearest figures upstream of it.
  const mutations: Mutation[] = [];
  for (const from of order) {
    const fromFigure = figureOf(from);
    if (!fromFigure) continue;
    const seen = new Set([from]);
    const walk = (id: string, via: string[]) => {
      for (const to of outOf(id)) {
        if (seen.has(to)) continue;
        seen.add(to);
        const toFigure = figureOf(to);
        if (toFigure) {
          if (!figuresAgree(fromFigure, toFigure)) mutations.push({ from, to, via, fromFigure, toFigure });
        } else walk(to, [...via, to]);
      }
    };
    walk(from, []);
  }
  for (const m of mutations) {
    const first = m.via[0] ?? m.to;
    edges.find((e) => e.from === m.from && e.to === first)?.flags.push('mutation');
  }

  // First appearance: the earliest dated appearance, none of the others surely earlier.
  const appearanceIds = [...appearancesOf.keys()];
  const dateOf = (id: string): string | null => appearancesOf.get(id)?.find((a) => a.date)?.date ?? input.sources.get(id)?.published ?? null;
  const upstreamAll = new Map<string, Set<string>>();
  const upstream = (id: string) => {
    let u = upstreamAll.get(id);
    if (!u) upstreamAll.set(id, (u = ancestorsOf(id, graphLinks, false)));
    return u;
  };
  const dated = appearanceIds.filter((id) => dateOf(id) !== null).map((id) => ({ id, date: dateOf(id)!, range: dateInterval(dateOf(id)!) }));
  // y is surely before x when it ends before x starts, or x derives from y (it cites it).
  const before = (y: (typeof dated)[number], x: (typeof dated)[number]) =>
    y.range[1] < x.range[0] || (upstream(x.id).has(y.id) && !upstream(y.id).has(x.id));
  const minimal = dated.filter((x) => !dated.some((y) => y.id !== x.id && before(y, x)));
  // Candidates the dates cannot order: the one known to be earliest at the latest comes first.
  minimal.sort((a, b) => a.range[1].localeCompare(b.range[1]) || a.range[0].localeCompare(b.range[0]) || a.id.localeCompare(b.id));
  const first = minimal.length
    ? { sourceIds: minimal.map((m) => m.id), date: minimal[0]!.date, certain: minimal.length === 1 }
    : null;

  // Independence of the appearances, with every link and with stated links only.
  const stated = new Map<string, Set<string>>();
  const upstreamStated = (id: string) => {
    let u = stated.get(id);
    if (!u) stated.set(id, (u = ancestorsOf(id, graphLinks, true)));
    return u;
  };
  const independent = countIndependent(appearanceIds, upstream);
  const independentStated = countIndependent(appearanceIds, upstreamStated);

  const rootsOf = (up: Set<string>, linkFn: (id: string) => Link[]) =>
    [...up].filter((u) => linkFn(u).filter((l) => up.has(l.to)).length === 0).sort();
  const groupBy = (ids: string[], upOf: (id: string) => Set<string>, linkFn: (id: string) => Link[]) => {
    const groups = new Map<string, { roots: string[]; members: string[] }>();
    for (const id of [...new Set(ids)]) {
      const roots = rootsOf(upOf(id), linkFn);
      const key = roots.join('\u0000');
      const g = groups.get(key) ?? { roots, members: [] };
      g.members.push(id);
      groups.set(key, g);
    }
    return [...groups.values()].sort((a, b) => b.members.length - a.members.length || a.roots.join().localeCompare(b.roots.join()));
  };
  const groups = groupBy(appearanceIds, upstream, graphLinks);

  // Evidence: each source's upstream in this claim's terms (its own links if it is not in the graph).
  const evidenceUp = new Map<string, Set<string>>();
  const upstreamOfEvidence = (id: string) => {
    let u = evidenceUp.get(id);
    if (!u) evidenceUp.set(id, (u = ancestorsOf(id, links, false)));
    return u;
  };
  const evidenceSources = [...new Set(input.evidence.map((e) => e.sourceId))];
  const evidenceGroups = groupBy(evidenceSources, upstreamOfEvidence, links).map((g) => ({
    roots: g.roots,
    sources: g.members.sort(),
    entries: input.evidence.filter((e) => g.members.includes(e.sourceId)).reduce((n, e) => n + e.entries, 0),
  }));
  const byStance = Object.fromEntries(
    STANCES.map((stance): [Stance, StanceIndependence] => {
      const entries = input.evidence.filter((e) => e.stance === stance);
      const sources = [...new Set(entries.map((e) => e.sourceId))];
      const shared = sources.length
        ? sources.map(upstreamOfEvidence).reduce((acc, up) => new Set([...acc].filter((x) => up.has(x))))
        : new Set<string>();
      return [stance, { entries: entries.reduce((n, e) => n + e.entries, 0), sources: sources.length, independent: countIndependent(sources, upstreamOfEvidence), sharedUpstream: [...shared].sort() }];
    }),
  ) as Record<Stance, StanceIndependence>;

  // Nodes and their flags.
  const mutated = new Set(mutations.map((m) => m.from));
  const firstIds = new Set(first?.sourceIds ?? []);
  const nodes: StoredNode[] = order.map((id) => {
    const source = input.sources.get(id);
    const apps = appearancesOf.get(id) ?? [];
    const deadEnd = !source ? 'not-found' : !source.verified ? 'not-read' : null;
    const out = outOf(id);
    const flags: NodeFlag[] = [];
    if (apps.length) flags.push('appearance');
    if (firstIds.has(id)) flags.push('first');
    if (deadEnd) flags.push('dead-end');
    if (out.length === 0 && !truncatedNodes.has(id)) flags.push('root');
    if (!deadEnd && out.length === 0 && !truncatedNodes.has(id) && source?.reliability !== 'A') flags.push('unsourced');
    if (inCycle.has(id)) flags.push('cycle');
    if (mutated.has(id)) flags.push('mutation');
    if (truncatedNodes.has(id)) flags.push('truncated');
    const primary = apps[0];
    return {
      id,
      depth: depth.get(id)!,
      appearance: primary
        ? {
            positions: apps.map((a) => a.position),
            date: apps.find((a) => a.date)?.date ?? null,
            note: apps.find((a) => a.note)?.note ?? null,
            said: apps.find((a) => a.said)?.said ?? null,
            figure: figureOf(id),
          }
        : null,
      date: dateOf(id),
      flags,
      deadEnd,
    };
  });
  const flagged = nodes.filter((n) => n.flags.some((f) => f === 'dead-end' || f === 'unsourced' || f === 'cycle' || f === 'mutation')).length;

  return {
    format: LINEAGE_FORMAT,
    nodes,
    edges,
    mutations,
    groups,
    first,
    counts: { appearances: input.appearances.length, sources: appearanceIds.length, independent, independentStated, nodes: nodes.length, flagged },
    evidence: { groups: evidenceGroups, byStance },
    truncated,
  };
}

/** Every source the claim rests on (the graph and its evidence's upstream), and whether directly. */
export function lineageMembers(input: LineageInput, lineage: StoredLineage): Map<string, boolean> {
  const members = new Map<string, boolean>();
  for (const n of lineage.nodes) members.set(n.id, n.appearance !== null);
  const own = new Map<string, Citation[]>();
  for (const a of input.appearances) if (a.citesOwn) own.set(a.sourceId, [...(own.get(a.sourceId) ?? []), ...a.cites]);
  for (const e of input.evidence) {
    members.set(e.sourceId, true);
    for (const u of ancestorsOf(e.sourceId, (id) => linksOf(input, own, id), false)) if (!members.has(u)) members.set(u, false);
  }
  return members;
}
