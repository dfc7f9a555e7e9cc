import dagre from '@dagrejs/dagre';

/**
 * A layered layout of a lineage graph (dagre, the Sugiyama method): the article on top, each
 * source above what it cites, so every chain reads downward to its earliest source. Boxes have
 * one size (their text is cut to fit), so the layout depends on the graph alone.
 */

export const NODE_WIDTH = 250;
export const NODE_HEIGHT = 96;

export interface GraphLayout {
  width: number;
  height: number;
  nodes: Map<string, { x: number; y: number }>;
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
}

export function layoutGraph(nodes: string[], edges: { from: string; to: string }[]): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 56, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of nodes) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) if (e.from !== e.to) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const graph = g.graph();
  const placed = new Map<string, { x: number; y: number }>();
  for (const id of nodes) {
    const n = g.node(id);
    placed.set(id, { x: n.x, y: n.y });
  }
  const routed = edges
    .filter((e) => e.from !== e.to)
    .map((e) => ({ from: e.from, to: e.to, points: (g.edge(e.from, e.to)?.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })) }));
  return { width: Math.ceil(graph.width ?? NODE_WIDTH), height: Math.ceil(graph.height ?? NODE_HEIGHT), nodes: placed, edges: routed };
}
