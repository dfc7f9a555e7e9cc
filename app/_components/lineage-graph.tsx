import Link from 'next/link';
import type { ClaimLineage, LineageEdge, LineageNode } from '@/lib/lineage/dto';
import { FLAG_LABELS, FLAG_MEANINGS, formatFigure, shownFlags } from '@/lib/lineage/format';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from '@/lib/lineage/layout';
import { ReliabilityBadge } from './reliability-badge';

/**
 * A claim's lineage, drawn once on the server as SVG (a layered layout, no client script), each
 * source one box with its date, grade, figure and flags, and beside it the same graph as a
 * nested list for screen readers and text browsers: every source once, a link to one already
 * listed named as such.
 */

/** Roughly how wide a character draws at the box's font size: CJK characters are about twice as wide. */
function widthOf(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
}

/** Splits a title into at most `lines` lines of `units` width each, breaking at a space where it can; cut with an ellipsis. */
function wrapTitle(title: string, units = 30, lines = 2): string[] {
  const chars = [...title];
  const out: string[] = [];
  let at = 0;
  while (at < chars.length && out.length < lines) {
    let used = 0;
    let end = at;
    while (end < chars.length && used + widthOf(chars[end]!) <= units) used += widthOf(chars[end++]!);
    if (end < chars.length) {
      const space = chars.slice(at, end).lastIndexOf(' ');
      if (space > (end - at) / 2) end = at + space + 1;
    }
    out.push(chars.slice(at, end).join('').trim());
    at = end;
  }
  if (at < chars.length && out.length) out[out.length - 1] = `${[...out[out.length - 1]!].slice(0, -1).join('').trimEnd()}…`;
  return out;
}

function edgeClass(e: LineageEdge): string {
  return ['lineage-edge', ...e.flags.map((f) => `edge-${f}`)].join(' ');
}

function nodeClass(n: LineageNode): string {
  return ['lineage-node', n.appearance ? 'is-appearance' : 'is-cited', ...n.flags.map((f) => `flag-${f}`)].join(' ');
}

function nodeFacts(n: LineageNode): string {
  return [n.date ?? 'undated', `grade ${n.source.reliability}`, n.appearance?.figure ? formatFigure(n.appearance.figure) : null].filter(Boolean).join(' · ');
}

function flagText(n: LineageNode, tied: boolean): string[] {
  return shownFlags(n.flags).map((f) => (f === 'first' && tied ? 'earliest found (tied)' : f === 'dead-end' && n.deadEnd === 'not-found' ? 'dead end: not found' : f === 'dead-end' ? 'dead end: not read' : FLAG_LABELS[f]));
}

function basisText(e: LineageEdge): string {
  const where = e.locator ? `, ${e.locator}` : '';
  if (e.basis === 'inferred') return `inferred${e.inferredBy ? ` by ${e.inferredBy}` : ''}${where}`;
  return `stated${where}`;
}

export function LineageSummary({ lineage }: { lineage: ClaimLineage }) {
  const { counts, first } = lineage;
  const byId = new Map(lineage.nodes.map((n) => [n.source.id, n]));
  return (
    <div className="lineage-summary">
      <p>
        <strong data-testid="independence">
          {counts.sources} {counts.sources === 1 ? 'source' : 'sources'}, {counts.independent} independent
        </strong>
        {counts.independentStated !== counts.independent ? (
          <span className="meta"> ({counts.independentStated} if links we inferred are left out)</span>
        ) : null}
        {' · '}
        {counts.appearances} {counts.appearances === 1 ? 'appearance' : 'appearances'}
        {lineage.mutations.length ? <> · {lineage.mutations.length} figure {lineage.mutations.length === 1 ? 'change' : 'changes'} along the chain</> : null}
        {' · '}
        <Link href="/methodology#lineage">how this is counted</Link>
      </p>
      {first ? (
        <p>
          First appearance found:{' '}
          {first.sourceIds.map((id, i) => (
            <span key={id}>
              {i > 0 ? (i === first.sourceIds.length - 1 ? ' or ' : ', ') : ''}
              <Link href={`/sources/${id}`}>{byId.get(id)?.source.title ?? id}</Link>
            </span>
          ))}{' '}
          ({first.date}){first.certain ? null : <span className="meta"> — the dates cannot tell these apart</span>}
        </p>
      ) : (
        <p className="meta">No appearance is dated, so the first one is unknown.</p>
      )}
      {lineage.mutations.length ? (
        <ul className="lineage-mutations">
          {lineage.mutations.map((m) => (
            <li key={`${m.from}>${m.to}`}>
              <strong>{byId.get(m.from)?.source.title ?? m.from}</strong> says {formatFigure(m.fromFigure)}; the nearest source upstream that states a figure,{' '}
              <strong>{byId.get(m.to)?.source.title ?? m.to}</strong>, says {formatFigure(m.toFigure)}
              {m.via.length ? <span className="meta"> (by way of {m.via.map((v) => byId.get(v)?.source.title ?? v).join(', ')})</span> : null}.
            </li>
          ))}
        </ul>
      ) : null}
      {lineage.truncated ? <p className="meta">The chain goes deeper than the ledger follows; the drawing stops where it is cut.</p> : null}
    </div>
  );
}

function LineageSvg({ lineage }: { lineage: ClaimLineage }) {
  const ids = lineage.nodes.map((n) => n.source.id);
  const layout = layoutGraph(ids, lineage.edges);
  const tied = lineage.first ? !lineage.first.certain : false;
  const edgeOf = new Map(lineage.edges.map((e) => [`${e.from}>${e.to}`, e]));
  const byId = new Map(lineage.nodes.map((n) => [n.source.id, n]));
  const w = NODE_WIDTH / 2;
  const h = NODE_HEIGHT / 2;
  return (
    <svg
      className="lineage-svg"
      role="img"
      aria-labelledby="lineage-svg-title"
      aria-describedby="lineage-list-heading"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
    >
      <title id="lineage-svg-title">{`Citation graph: ${lineage.counts.sources} sources, ${lineage.counts.independent} independent. The list below gives the same content.`}</title>
      <defs>
        <marker id="lineage-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="lineage-arrowhead" />
        </marker>
      </defs>
      {layout.edges.map((r) => {
        const e = edgeOf.get(`${r.from}>${r.to}`)!;
        const d = r.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
        const mid = r.points[Math.floor(r.points.length / 2)];
        const mutation = lineage.mutations.find((m) => m.from === r.from && (m.via[0] ?? m.to) === r.to);
        return (
          <g key={`${r.from}>${r.to}`} className={edgeClass(e)} data-edge={`${r.from}>${r.to}`}>
            <title>{`${byId.get(r.from)?.source.title ?? r.from} cites ${byId.get(r.to)?.source.title ?? r.to} (${basisText(e)})`}</title>
            <path d={d} markerEnd="url(#lineage-arrow)" />
            {mutation && mid ? (
              <text x={mid.x + 6} y={mid.y} className="lineage-edge-label">
                {`${formatFigure(mutation.fromFigure)} ≠ ${formatFigure(mutation.toFigure)}`}
              </text>
            ) : null}
          </g>
        );
      })}
      {lineage.nodes.map((n) => {
        const p = layout.nodes.get(n.source.id)!;
        const lines = wrapTitle(n.source.title);
        const flags = flagText(n, tied);
        return (
          <g key={n.source.id} className={nodeClass(n)} data-source-id={n.source.id} transform={`translate(${(p.x - w).toFixed(1)},${(p.y - h).toFixed(1)})`}>
            <a href={`/sources/${n.source.id}`}>
              <title>{`${n.source.title} — ${nodeFacts(n)}${flags.length ? ` — ${flags.join(', ')}` : ''}`}</title>
              <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} />
              {lines.map((line, i) => (
                <text key={i} x={10} y={18 + i * 15} className="lineage-node-title">
                  {line}
                </text>
              ))}
              <text x={10} y={54} className="lineage-node-facts">
                {nodeFacts(n)}
              </text>
              {/* One flag a line; a third and later share the second line. */}
              {flags.length ? (
                <text x={10} y={72} className="lineage-node-flags">
                  {flags[0]}
                </text>
              ) : null}
              {flags.length > 1 ? (
                <text x={10} y={87} className="lineage-node-flags">
                  {flags.slice(1).join(' · ')}
                </text>
              ) : null}
            </a>
          </g>
        );
      })}
    </svg>
  );
}

function NodeDetails({ node, tied, via }: { node: LineageNode; tied: boolean; via: LineageEdge | null }) {
  const flags = flagText(node, tied);
  const a = node.appearance;
  return (
    <>
      <p className="lineage-item-head">
        {via ? <span className="meta">cites ({basisText(via)}): </span> : null}
        <Link href={`/sources/${node.source.id}`}>{node.source.title}</Link> <span className="meta">{node.date ?? 'undated'}</span> <ReliabilityBadge grade={node.source.reliability} />
        {a?.figure ? <> · figure <strong>{formatFigure(a.figure)}</strong></> : null}
        {flags.map((f) => (
          <span key={f} className={`badge lineage-flag ${f.startsWith('earliest') ? 'flag-first' : ''}`}>
            {f}
          </span>
        ))}
        {a ? null : <span className="meta"> (cited; the claim is not recorded as appearing here)</span>}
      </p>
      {via?.note ? <p className="meta">{via.basis === 'inferred' ? 'Why inferred: ' : ''}{via.note}</p> : null}
      {a?.said ? (
        <div className="lineage-said">
          <blockquote lang={a.said.lang}>{a.said.text}</blockquote>
          {a.said.translation ? <p className="translation" lang="en">{a.said.translation}</p> : null}
        </div>
      ) : null}
      {a?.note ? <p className="meta">{a.note}</p> : null}
    </>
  );
}

/** The graph as a nested list: each source in full once, where the walk from the article first reaches it. */
export function LineageList({ lineage }: { lineage: ClaimLineage }) {
  const byId = new Map(lineage.nodes.map((n) => [n.source.id, n]));
  const out = new Map<string, LineageEdge[]>();
  for (const e of lineage.edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const tied = lineage.first ? !lineage.first.certain : false;
  const placed = new Set<string>();
  // Decide placement first (depth-first from each appearance, in order), so rendering is pure.
  const children = new Map<string, { edge: LineageEdge; full: boolean }[]>();
  const tops: string[] = [];
  const visit = (id: string) => {
    const list: { edge: LineageEdge; full: boolean }[] = [];
    children.set(id, list);
    for (const e of out.get(id) ?? []) {
      const full = !placed.has(e.to);
      if (full) placed.add(e.to);
      list.push({ edge: e, full });
      if (full) visit(e.to);
    }
  };
  for (const n of lineage.nodes) {
    if (placed.has(n.source.id)) continue;
    placed.add(n.source.id);
    tops.push(n.source.id);
    visit(n.source.id);
  }
  const render = (id: string, via: LineageEdge | null) => {
    const node = byId.get(id)!;
    const kids = children.get(id) ?? [];
    return (
      <li key={id} id={`lineage-${id}`} data-source-id={id} {...(via ? { 'data-via-edge': `${via.from}>${via.to}` } : {})} className={nodeClass(node)}>
        <NodeDetails node={node} tied={tied} via={via} />
        {kids.length ? (
          <ul>
            {kids.map(({ edge, full }) =>
              full ? (
                render(edge.to, edge)
              ) : (
                <li key={`ref-${edge.to}`} data-edge-ref={`${edge.from}>${edge.to}`} className="lineage-ref">
                  <span className="meta">cites ({basisText(edge)}):</span> <a href={`#lineage-${edge.to}`}>{byId.get(edge.to)?.source.title ?? edge.to}</a>{' '}
                  <span className="meta">(listed {edge.flags.includes('cycle') ? 'above: a citation loop' : 'elsewhere in this list'})</span>
                </li>
              ),
            )}
          </ul>
        ) : null}
      </li>
    );
  };
  return (
    <ul className="lineage-list" aria-labelledby="lineage-list-heading">
      {tops.map((id) => render(id, null))}
    </ul>
  );
}

export function LineageLegend() {
  return (
    <details className="lineage-legend">
      <summary>What the marks mean</summary>
      <dl className="legend">
        <dt>Solid box</dt>
        <dd>The claim appeared in this source. A dashed box is a source cited along the way.</dd>
        <dt>Dashed arrow</dt>
        <dd>A link we inferred (who inferred it and why are in the list); a solid arrow is a link the source states.</dd>
        {Object.entries(FLAG_LABELS).map(([flag, label]) => (
          <div key={flag}>
            <dt>{label}</dt>
            <dd>{FLAG_MEANINGS[flag as keyof typeof FLAG_MEANINGS]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The claim page's "Where it appeared" section body: summary, the drawing, and the list. */
export function LineageGraph({ lineage }: { lineage: ClaimLineage | null }) {
  if (!lineage || lineage.nodes.length === 0) return <p className="meta">No appearance is recorded for this claim.</p>;
  return (
    <div className="lineage">
      <LineageSummary lineage={lineage} />
      <figure className="lineage-figure">
        <div className="lineage-scroll">
          <LineageSvg lineage={lineage} />
        </div>
        <figcaption>
          <LineageLegend />
        </figcaption>
      </figure>
      <h3 id="lineage-list-heading">The same graph as a list</h3>
      <LineageList lineage={lineage} />
    </div>
  );
}
