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
        The claim itself appeared in {lineage.counts.sources} {lineage.counts.sources === 1 ? 'source' : 'sources'}, {lineage.counts.independent} independent.{' '}
        <Link href="/methodology#lineage">What counts as independent</Link>
      </p>
      <SingleRootWarning lineage={lineage} />
    </div>
  );
}

/** Evidence under one heading per stance, grouped within it by the root its sources derive from. */
export function LineageEvidenceGroups({ evidence, lineage }: { evidence: Record<Stance, EvidenceItem[]>; lineage: ClaimLineage | null }) {
  const groupOf = new Map<string, number>();
  lineage?.evidence.groups.forEach((g, i) => g.sources.forEach((s) => groupOf.set(s, i)));
  return (
    <>
      {STANCES.map((stance) => {
        const items = evidence[stance];
        const s = lineage?.evidence.byStance[stance];
        const groups = new Map<number, EvidenceItem[]>();
        for (const item of items) {
          const g = groupOf.get(item.source.id) ?? -1;
          groups.set(g, [...(groups.get(g) ?? []), item]);
        }
        return (
          <section key={stance} className="evidence-group" aria-labelledby={`stance-${stance}`}>
            <h3 id={`stance-${stance}`}>
              {STANCE_HEADINGS[stance]} <span className="count">({items.length})</span>
              {s && s.sources > 0 ? (
                <span className="count">
                  {' '}
                  · {s.sources} {s.sources === 1 ? 'source' : 'sources'}, {s.independent} independent
                </span>
              ) : null}
            </h3>
            {items.length === 0 ? <p className="meta">None recorded.</p> : null}
            {[...groups.entries()].map(([g, list]) => {
              const group = lineage?.evidence.groups[g];
              const roots = group?.roots ?? [];
              const selfRooted = group && roots.length === 1 && group.sources.length === 1 && group.sources[0] === roots[0];
              return (
                <div key={g} className="evidence-root-group" data-root={roots.join(' ')}>
                  {lineage && roots.length && !selfRooted ? (
                    <p className="evidence-root meta">Derives from {names(lineage, roots)}</p>
                  ) : lineage && groups.size > 1 ? (
                    <p className="evidence-root meta">No recorded upstream</p>
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
