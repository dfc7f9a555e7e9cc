import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ClaimLineage, LineageEdge, LineageNode } from '@/lib/lineage/dto';
import { formatFigure } from '@/lib/lineage/format';
import type { Translate } from '@/i18n/translator';
import { basisWords, flagWords } from './lineage-words';
import { lineageSvgSize } from '@/lib/lineage/svg';
import { ReliabilityBadge } from './reliability-badge';

/**
 * A claim's lineage, drawn once on the server as SVG (a layered layout, no client script), each
 * source one box with its date, grade, figure and flags, and beside it the same graph as a
 * nested list for screen readers and text browsers: every source once, a link to one already
 * listed named as such.
 */

export function LineageSummary({ lineage }: { lineage: ClaimLineage }) {
  const t = useTranslations('claimParts');
  const { counts, first } = lineage;
  const byId = new Map(lineage.nodes.map((n) => [n.source.id, n]));
  return (
    <div className="lineage-summary">
      <p>
        <strong data-testid="independence">
          {t('lineage.independence', { sources: counts.sources, independent: counts.independent })}
        </strong>
        {counts.independentStated !== counts.independent ? (
          <span className="meta">{t('lineage.independentStated', { count: counts.independentStated })}</span>
        ) : null}
        {' · '}
        {t('lineage.appearances', { count: counts.appearances })}
        {lineage.mutations.length ? <> · {t('lineage.figureChanges', { count: lineage.mutations.length })}</> : null}
        {' · '}
        <Link href="/methodology#lineage">{t('lineage.howCounted')}</Link>
      </p>
      {first ? (
        <p>
          {t('lineage.firstFound')}
          {first.sourceIds.map((id, i) => (
            <span key={id}>
              {i > 0 ? (i === first.sourceIds.length - 1 ? t('list.or') : t('list.comma')) : ''}
              <Link href={`/sources/${id}`}>{byId.get(id)?.source.title ?? id}</Link>
            </span>
          ))}
          {t('lineage.firstDate', { date: first.date ?? '' })}
          {first.certain ? null : <span className="meta">{t('lineage.firstTied')}</span>}
        </p>
      ) : (
        <p className="meta">{t('lineage.noDated')}</p>
      )}
      {lineage.mutations.length ? (
        <ul className="lineage-mutations">
          {lineage.mutations.map((m) => (
            <li key={`${m.from}>${m.to}`}>
              {t.rich('lineage.mutation', {
                from: byId.get(m.from)?.source.title ?? m.from,
                to: byId.get(m.to)?.source.title ?? m.to,
                fromFigure: formatFigure(m.fromFigure),
                toFigure: formatFigure(m.toFigure),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
              {m.via.length ? <span className="meta">{t('lineage.byWayOf', { list: m.via.map((v) => byId.get(v)?.source.title ?? v).join(t('list.comma')) })}</span> : null}
              {t('list.end')}
            </li>
          ))}
        </ul>
      ) : null}
      {lineage.truncated ? <p className="meta">{t('lineage.truncated')}</p> : null}
    </div>
  );
}

function NodeDetails({ node, tied, via }: { node: LineageNode; tied: boolean; via: LineageEdge | null }) {
  const t = useTranslations('claimParts');
  const flags = flagWords(t as unknown as Translate, node, tied);
  const a = node.appearance;
  return (
    <>
      <p className="lineage-item-head">
        {via ? <span className="meta">{t('lineage.cites', { basis: basisWords(t as unknown as Translate, via) })} </span> : null}
        <Link href={`/sources/${node.source.id}`}><bdi>{node.source.title}</bdi></Link> <span className="meta">{node.date ?? t('lineage.undated')}</span> <ReliabilityBadge grade={node.source.reliability} />
        {a?.figure ? t.rich('lineage.figure', { figure: formatFigure(a.figure), strong: (chunks) => <strong>{chunks}</strong> }) : null}
        {flags.map((f) => (
          <span key={f.key} className={`badge lineage-flag ${f.first ? 'flag-first' : ''}`}>
            {f.text}
          </span>
        ))}
      </p>
      {via?.note ? <p className="meta">{via.basis === 'inferred' ? t('lineage.whyInferred') : ''}<bdi>{via.note}</bdi></p> : null}
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
  const t = useTranslations('claimParts');
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
                  <span className="meta">{t('lineage.cites', { basis: basisWords(t as unknown as Translate, edge) })}</span> <Link href={`/sources/${edge.to}`}>{byId.get(edge.to)?.source.title ?? edge.to}</Link>{' '}
                  <span className="meta">{t(edge.flags.includes('cycle') ? 'lineage.loop' : 'lineage.listed')}</span>
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
  const t = useTranslations('claimParts.lineage');
  if (!lineage || lineage.nodes.length === 0) return <p className="meta">{t('none')}</p>;
  const size = lineageSvgSize(lineage);
  return (
    <div className="lineage">
      <LineageSummary lineage={lineage} />
      <figure className="lineage-figure">
        <div className="lineage-scroll" tabIndex={0} role="region" aria-label={t('scrollRegion')}>
          {/* The drawing is its own server-rendered SVG document (a page carries it once, not twice in
              HTML and the RSC payload); the linked list page has the same content for every reader. */}
          <object
            className="lineage-drawing"
            data={`/claims/${lineage.claimId}/lineage.svg`}
            type="image/svg+xml"
            width={size.width}
            height={size.height}
            aria-label={t('drawingLabel', { sources: lineage.counts.sources, independent: lineage.counts.independent })}
          >
            {t('drawingFallback')}
          </object>
        </div>
        <figcaption className="meta">
          {t.rich('caption', { link: (chunks) => <Link href="/methodology#lineage">{chunks}</Link> })}
        </figcaption>
      </figure>
      {/* The nested list is its own page: on a claim page it cost as much as the rest of the section. */}
      <p>
        {t.rich('asList', { link: (chunks) => <Link href={`/claims/${lineage.claimId}/lineage`}>{chunks}</Link> })}
      </p>
    </div>
  );
}
