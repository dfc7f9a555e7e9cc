import type { SourceLink } from '../sources/source-link';
import type { KeysetPage } from '../shared/keyset';
import type { Stance, Verdict } from '../shared/vocabulary';
import type { Figure, IndependenceGroup, Mutation, NodeFlag, Said, StanceIndependence, StoredEdge } from './graph';

/** What pages and the API see of lineage: the stored graph with each source named. */

export interface LineageNode {
  source: SourceLink;
  depth: number;
  date: string | null;
  flags: NodeFlag[];
  deadEnd: 'not-found' | 'not-read' | null;
  appearance: { positions: number[]; date: string | null; note: string | null; said: Said | null; figure: Figure | null } | null;
}

export type LineageEdge = StoredEdge;

export interface ClaimLineage {
  claimId: string;
  nodes: LineageNode[];
  edges: LineageEdge[];
  mutations: Mutation[];
  /** Appearances grouped by the roots of their chains. */
  groups: IndependenceGroup[];
  first: { sourceIds: string[]; date: string | null; certain: boolean } | null;
  counts: { appearances: number; sources: number; independent: number; independentStated: number; nodes: number; flagged: number };
  evidence: {
    groups: { roots: string[]; sources: string[]; entries: number }[];
    byStance: Record<Stance, StanceIndependence>;
  };
  truncated: boolean;
  /** Every source the lineage names (graph nodes, evidence roots), for titles and links. */
  names: Record<string, SourceLink>;
}

export interface SourceLineageNode {
  source: SourceLink;
  /** Links from the source shown: negative upstream (what it derives from), positive downstream. */
  depth: number;
  flags: ('dead-end' | 'root' | 'unsourced')[];
}

export interface SourceLineage {
  sourceId: string;
  nodes: SourceLineageNode[];
  edges: { from: string; to: string; basis: 'stated' | 'inferred'; locator: string | null; inferredBy: string | null; note: string | null }[];
  /** How many sources derive from it (to the depth bound), and how many current claims rest on it. */
  derivedSources: number;
  derivedClaims: number;
  upstreamCount: number;
  /** True when more upstream or downstream sources exist than are listed here. */
  truncated: boolean;
  /** Claims that rest on it only through other sources (first page). */
  claimsThroughOthers: KeysetPage<{ id: string; title: string; verdict: Verdict }>;
}

export interface LineageRoot {
  source: SourceLink;
  derivedClaims: number;
  derivedSources: number;
}
