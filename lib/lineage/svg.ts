import type { ClaimLineage, LineageEdge, LineageNode } from './dto';
import { basisText, edgeClass, flagText, formatFigure, nodeClass, nodeFacts, wrapTitle } from './format';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';

/**
 * A claim's lineage as one standalone SVG document: a layered layout, each source one box with
 * its date, grade, figure and flags, each link an arrow (dashed when inferred, red when the figure
 * changed or the link closes a loop). Every text comes from the store and is escaped here: the
 * document is data, served as image/svg+xml, never spliced into a page's HTML.
 */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The drawing's size, for the page to reserve its box. */
export function lineageSvgSize(lineage: ClaimLineage): { width: number; height: number } {
  const layout = layoutGraph(lineage.nodes.map((n) => n.source.id), lineage.edges);
  return { width: layout.width, height: layout.height };
}

// Fixed colours: an SVG document does not see the page's stylesheet. Light and dark follow the reader.
const STYLE = `
svg{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK TC",sans-serif;--bg:#fff;--fg:#1b1b1b;--muted:#5d5d5d;--good:#1a7f37;--bad:#b42318;--link:#0b57d0;--grey:#eceef2}
@media (prefers-color-scheme:dark){svg{--bg:#16181d;--fg:#e8e8e8;--muted:#a3a3a3;--good:#4ac26b;--bad:#ff7b72;--link:#8ab4f8;--grey:#262a33}}
rect{fill:var(--bg);stroke:var(--muted);stroke-width:1.2}
.is-cited rect{stroke-dasharray:5 3}.flag-dead-end rect{fill:var(--grey)}
.flag-mutation rect,.flag-cycle rect{stroke:var(--bad);stroke-width:2}.flag-first rect{stroke:var(--good);stroke-width:3}
a:hover rect,a:focus rect{stroke:var(--link);stroke-width:2.5}
text{fill:var(--fg);font-size:12px}.t{font-weight:600}.f{fill:var(--muted)}.x{fill:var(--bad);font-size:11px}.flag-first .x1{fill:var(--good)}
.lineage-edge path{fill:none;stroke:var(--muted);stroke-width:1.4}.edge-inferred path{stroke-dasharray:6 4}
.edge-mutation path,.edge-cycle path{stroke:var(--bad);stroke-width:2}.m{fill:var(--bad);font-size:11px;font-weight:600}#a path{fill:var(--muted)}`;

/** The drawing's words, in the reader's language: the route passes them from the catalogue; English by default. */
export interface LineageSvgWords {
  title: (counts: ClaimLineage['counts']) => string;
  cites: (from: string, to: string, edge: LineageEdge) => string;
  facts: (node: LineageNode) => string;
  flags: (node: LineageNode, tied: boolean) => string[];
  /** Between flags in a box's tooltip. */
  flagSeparator: string;
}

export const ENGLISH_SVG_WORDS: LineageSvgWords = {
  title: (c) => `Citation graph: ${c.sources} sources, ${c.independent} independent. The claim page lists the same content.`,
  cites: (from, to, e) => `${from} cites ${to} (${basisText(e)})`,
  facts: nodeFacts,
  flags: flagText,
  flagSeparator: ', ',
};

export function renderLineageSvg(lineage: ClaimLineage, words: LineageSvgWords = ENGLISH_SVG_WORDS): string {
  const layout = layoutGraph(lineage.nodes.map((n) => n.source.id), lineage.edges);
  const tied = lineage.first ? !lineage.first.certain : false;
  const edgeOf = new Map(lineage.edges.map((e) => [`${e.from}>${e.to}`, e]));
  const byId = new Map(lineage.nodes.map((n) => [n.source.id, n]));
  const title = (id: string) => byId.get(id)?.source.title ?? id;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="lineage-svg" role="img" aria-labelledby="t" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}">`,
    `<title id="t">${escapeXml(words.title(lineage.counts))}</title>`,
    `<style>${STYLE}</style>`,
    '<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>',
  );
  for (const r of layout.edges) {
    const e = edgeOf.get(`${r.from}>${r.to}`)!;
    const d = r.points.map((p, i) => `${i ? 'L' : 'M'}${Math.round(p.x)},${Math.round(p.y)}`).join(' ');
    const mid = r.points[Math.floor(r.points.length / 2)];
    const mutation = lineage.mutations.find((m) => m.from === r.from && (m.via[0] ?? m.to) === r.to);
    out.push(
      `<g class="${edgeClass(e)}" data-edge="${escapeXml(`${r.from}>${r.to}`)}"><title>${escapeXml(words.cites(title(r.from), title(r.to), e))}</title><path d="${d}" marker-end="url(#a)"/>`,
      mutation && mid ? `<text class="m" x="${Math.round(mid.x + 6)}" y="${Math.round(mid.y)}">${escapeXml(`${formatFigure(mutation.fromFigure)} ≠ ${formatFigure(mutation.toFigure)}`)}</text>` : '',
      '</g>',
    );
  }
  for (const n of lineage.nodes) {
    const p = layout.nodes.get(n.source.id)!;
    const flags = words.flags(n, tied);
    const facts = words.facts(n);
    const lines = wrapTitle(n.source.title);
    out.push(
      `<g class="${nodeClass(n)}" data-source-id="${escapeXml(n.source.id)}" transform="translate(${Math.round(p.x - NODE_WIDTH / 2)},${Math.round(p.y - NODE_HEIGHT / 2)})">`,
      `<a href="/sources/${encodeURIComponent(n.source.id)}" target="_top"><title>${escapeXml(`${n.source.title} — ${facts}${flags.length ? ` — ${flags.join(words.flagSeparator)}` : ''}`)}</title>`,
      `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6"/>`,
      ...lines.map((line, i) => `<text class="t" x="10" y="${18 + i * 15}">${escapeXml(line)}</text>`),
      `<text class="f" x="10" y="54">${escapeXml(facts)}</text>`,
      // One flag a line; a third and later share the second line.
      flags.length ? `<text class="x x1" x="10" y="72">${escapeXml(flags[0]!)}</text>` : '',
      flags.length > 1 ? `<text class="x" x="10" y="87">${escapeXml(flags.slice(1).join(' · '))}</text>` : '',
      '</a></g>',
    );
  }
  out.push('</svg>');
  return out.join('');
}
