import Link from 'next/link';
import type { EvidenceItem } from '@/lib/evidence/dto';
import type { ClaimLineage } from '@/lib/lineage/dto';
import { STANCES, type Stance } from '@/lib/shared/vocabulary';
import { EvidenceEntry } from './evidence-groups';

/**
 * Evidence seen through lineage: per stance, how many sources it comes from and how many of
 * those are independent, and the entries grouped by the root their sources derive from.
 */

const STANCE_HEADINGS: Record<Stance, string> = {
  supports: 'Supports the claim',
  contradicts: 'Contradicts the claim',
  qualifies: 'Qualifies the claim',
  context: 'Context',
};

function names(lineage: ClaimLineage, ids: string[]) {
  return ids.map((id, i) => (
    <span key={id}>
      {i > 0 ? (i === ids.length - 1 ? ' and ' : ', ') : ''}
      <Link href={`/sources/${id}`}>{lineage.names[id]?.title ?? id}</Link>
    </span>
  ));
}

/** The plain sentence for supporting evidence that all comes from one place, or null. */
export function SingleRootWarning({ lineage }: { lineage: ClaimLineage | null }) {
  const s = lineage?.evidence.byStance.supports;
  if (!lineage || !s || s.entries === 0 || s.independent !== 1) return null;
  if (s.sources === 1) {
    return (
      <p className="notice lineage-single-root" role="note">
        All supporting evidence ({s.entries} {s.entries === 1 ? 'entry' : 'entries'}) comes from a single source.
      </p>
    );
  }
  const roots = s.sharedUpstream.filter((id) => lineage.evidence.groups.some((g) => g.roots.includes(id)));
  return (
    <p className="notice lineage-single-root" role="note">
      All supporting evidence derives from one root: {s.entries} entries from {s.sources} sources
      {roots.length ? <>, every one of them resting on {names(lineage, roots)}</> : ', whose chains overlap'}. They are not independent confirmations.
    </p>
  );
}

/** Beside the stance counts in the confidence panel: entries, sources, independent sources. */
export function LineageConfidence({ lineage }: { lineage: ClaimLineage | null }) {
  if (!lineage) return null;
  const rows = STANCES.filter((st) => lineage.evidence.byStance[st].entries > 0);
  return (
    <div className="lineage-confidence">
      <h3>How independent the evidence is</h3>
      {rows.length === 0 ? (
        <p className="meta">No evidence yet.</p>
      ) : (
        <table className="lineage-counts">
          <thead>
            <tr>
              <th scope="col">Stance</th>
              <th scope="col">Entries</th>
              <th scope="col">Sources</th>
              <th scope="col">Independent</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((st) => {
              const s = lineage.evidence.byStance[st];
              return (
                <tr key={st} data-stance={st}>
                  <th scope="row">{st}</th>
                  <td>{s.entries}</td>
                  <td>{s.sources}</td>
                  <td data-testid={`independent-${st}`}>{s.independent}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="meta">
        <Link href="/methodology#independence">What counts as independent</Link>
      </p>
      <SingleRootWarning lineage={lineage} />
    </div>
  );
}

/** Evidence under one heading per stance, grouped within it by the root its sources derive from. */
export function LineageEvidenceGroups({ evidence, lineage }: { evidence: Record<Stance, EvidenceItem[]>; lineage: ClaimLineage | null }) {
  // Sources that derive from something share a group per root; sources with no recorded upstream
  // go together in one group (-1), labelled once, so a long list of independent entries stays short.
  const groupOf = new Map<string, number>();
  lineage?.evidence.groups.forEach((g, i) => {
    const selfRooted = g.sources.length === 1 && g.roots.length === 1 && g.roots[0] === g.sources[0];
    g.sources.forEach((src) => groupOf.set(src, selfRooted ? -1 : i));
  });
  return (
    <>
      {STANCES.map((stance) => {
        const items = evidence[stance];
        const groups = new Map<number, EvidenceItem[]>();
        for (const item of items) {
          const g = groupOf.get(item.source.id) ?? -1;
          groups.set(g, [...(groups.get(g) ?? []), item]);
        }
        // Derived groups first, the independent rest last.
        const ordered = [...groups.entries()].sort(([a], [b]) => (a === -1 ? 1 : 0) - (b === -1 ? 1 : 0) || a - b);
        return (
          <section key={stance} className="evidence-group" aria-labelledby={`stance-${stance}`}>
            <h3 id={`stance-${stance}`}>
              {STANCE_HEADINGS[stance]} <span className="count">({items.length})</span>
            </h3>
            {items.length === 0 ? <p className="meta">None recorded.</p> : null}
            {ordered.map(([g, list]) => {
              const roots = g === -1 ? [] : (lineage?.evidence.groups[g]?.roots ?? []);
              return (
                <div key={g} className="evidence-root-group">
                  {lineage && roots.length ? (
                    <p className="evidence-root meta">Derives from {names(lineage, roots)}</p>
                  ) : lineage && groups.size > 1 ? (
                    <p className="evidence-root meta">Each from a source with no recorded upstream</p>
                  ) : null}
                  {list.map((item) => (
                    <EvidenceEntry key={item.id} item={item} />
                  ))}
                </div>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
