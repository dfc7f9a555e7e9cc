import Link from 'next/link';
import type { ClaimLineage, LineageEdge, LineageNode } from '@/lib/lineage/dto';
import { basisText, flagText, formatFigure } from '@/lib/lineage/format';
import { lineageSvgSize } from '@/lib/lineage/svg';
import { ReliabilityBadge } from './reliability-badge';

/**
 * A claim's lineage, drawn once on the server as SVG (a layered layout, no client script), each
 * source one box with its date, grade, figure and flags, and beside it the same graph as a
 * nested list for screen readers and text browsers: every source once, a link to one already
 * listed named as such.
 */

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

function NodeDetails({ node, tied, via }: { node: LineageNode; tied: boolean; via: LineageEdge | null }) {
  const flags = flagText(node, tied);
  const a = node.appearance;
  return (
    <>
      <p className="lineage-item-head">
        {via ? <span className="meta">cites ({basisText(via)}): </span> : null}
        <Link href={`/sources/${node.source.id}`}><bdi>{node.source.title}</bdi></Link> <span className="meta">{node.date ?? 'undated'}</span> <ReliabilityBadge grade={node.source.reliability} />
        {a?.figure ? <> · figure <strong>{formatFigure(a.figure)}</strong></> : null}
        {flags.map((f) => (
          <span key={f} className={`badge lineage-flag ${f.startsWith('earliest') ? 'flag-first' : ''}`}>
            {f}
          </span>
        ))}
      </p>
      {via?.note ? <p className="meta">{via.basis === 'inferred' ? 'Why inferred: ' : ''}<bdi>{via.note}</bdi></p> : null}
      {a?.said ? (
        <div className="lineage-said">
          <blockquote lang={a.said.lang}>{a.said.text}</blockquote>
          {a.said.translation ? <p className="translation" lang="en">{a.said.translation}</p> : null}
        </div>
      ) : null}
      {a?.note ? <p className="meta"><bdi>{a.note}</bdi></p> : null}
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
      <li key={id} data-source-id={id} {...(via ? { 'data-via-edge': `${via.from}>${via.to}` } : {})}>
        <NodeDetails node={node} tied={tied} via={via} />
        {kids.length ? (
          <ul>
            {kids.map(({ edge, full }) =>
              full ? (
                render(edge.to, edge)
              ) : (
                <li key={`ref-${edge.to}`} data-edge-ref={`${edge.from}>${edge.to}`} className="lineage-ref">
                  <span className="meta">cites ({basisText(edge)}):</span> <Link href={`/sources/${edge.to}`}>{byId.get(edge.to)?.source.title ?? edge.to}</Link>{' '}
                  <span className="meta">({edge.flags.includes('cycle') ? 'a loop' : 'listed'})</span>
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

/** The claim page's "Where it appeared" section body: summary, the drawing, and the list. */
export function LineageGraph({ lineage }: { lineage: ClaimLineage | null }) {
  if (!lineage || lineage.nodes.length === 0) return <p className="meta">No appearance is recorded for this claim.</p>;
  const size = lineageSvgSize(lineage);
  return (
    <div className="lineage">
      <LineageSummary lineage={lineage} />
      <figure className="lineage-figure">
        <div className="lineage-scroll" tabIndex={0} role="region" aria-label="Citation graph, scrolls sideways">
          {/* The drawing is its own server-rendered SVG document (a page carries it once, not twice in
              HTML and the RSC payload); the linked list page has the same content for every reader. */}
          <object
            className="lineage-drawing"
            data={`/claims/${lineage.claimId}/lineage.svg`}
            type="image/svg+xml"
            width={size.width}
            height={size.height}
            aria-label={`Citation graph: ${lineage.counts.sources} sources, ${lineage.counts.independent} independent; the linked list gives the same content`}
          >
            The citation graph is drawn as an image; the linked list gives the same content.
          </object>
        </div>
        <figcaption className="meta">
          Dashed: cited on the way, or a link we inferred. <Link href="/methodology#lineage">The marks</Link>
        </figcaption>
      </figure>
      {/* The nested list is its own page: on a claim page it cost as much as the rest of the section. */}
      <p>
        <Link href={`/claims/${lineage.claimId}/lineage`}>The same graph as a list</Link>: every source, what it cites, and who inferred each link.
      </p>
    </div>
  );
}
