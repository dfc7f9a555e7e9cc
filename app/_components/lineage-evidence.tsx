import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { EvidenceItem } from '@/lib/evidence/dto';
import type { ClaimLineage } from '@/lib/lineage/dto';
import { STANCES, type Stance } from '@/lib/shared/vocabulary';
import { EvidenceEntry } from './evidence-groups';

/**
 * Evidence seen through lineage: per stance, how many sources it comes from and how many of
 * those are independent, and the entries grouped by the root their sources derive from.
 */

function names(lineage: ClaimLineage, ids: string[], sep: { comma: string; and: string }) {
  return ids.map((id, i) => (
    <span key={id}>
      {i > 0 ? (i === ids.length - 1 ? sep.and : sep.comma) : ''}
      <Link href={`/sources/${id}`}>{lineage.names[id]?.title ?? id}</Link>
    </span>
  ));
}

/** The plain sentence for supporting evidence that all comes from one place, or null. */
export function SingleRootWarning({ lineage }: { lineage: ClaimLineage | null }) {
  const t = useTranslations('claimParts');
  const s = lineage?.evidence.byStance.supports;
  if (!lineage || !s || s.entries === 0 || s.independent !== 1) return null;
  if (s.sources === 1) {
    return (
      <p className="notice lineage-single-root" role="note">
        {t('lineageEvidence.singleSource', { count: s.entries })}
      </p>
    );
  }
  const roots = s.sharedUpstream.filter((id) => lineage.evidence.groups.some((g) => g.roots.includes(id)));
  return (
    <p className="notice lineage-single-root" role="note">
      {roots.length
        ? t.rich('lineageEvidence.oneRootResting', { entries: s.entries, sources: s.sources, names: () => names(lineage, roots, { comma: t('list.comma'), and: t('list.and') }) })
        : t('lineageEvidence.oneRootOverlap', { entries: s.entries, sources: s.sources })}
    </p>
  );
}

/** Beside the stance counts in the confidence panel: entries, sources, independent sources. */
export function LineageConfidence({ lineage }: { lineage: ClaimLineage | null }) {
  const t = useTranslations('claimParts.lineageEvidence');
  const tStances = useTranslations('stances');
  if (!lineage) return null;
  const rows = STANCES.filter((st) => lineage.evidence.byStance[st].entries > 0);
  return (
    <div className="lineage-confidence">
      <h3>{t('independenceHeading')}</h3>
      {rows.length === 0 ? (
        <p className="meta">{t('noEvidence')}</p>
      ) : (
        <table className="lineage-counts">
          <thead>
            <tr>
              <th scope="col">{t('stance')}</th>
              <th scope="col">{t('entries')}</th>
              <th scope="col">{t('sources')}</th>
              <th scope="col">{t('independent')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((st) => {
              const s = lineage.evidence.byStance[st];
              return (
                <tr key={st} data-stance={st}>
                  <th scope="row">{tStances(st)}</th>
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
        <Link href="/methodology#independence">{t('whatCounts')}</Link>
      </p>
      <SingleRootWarning lineage={lineage} />
    </div>
  );
}

/** Evidence under one heading per stance, grouped within it by the root its sources derive from. */
export function LineageEvidenceGroups({ evidence, lineage }: { evidence: Record<Stance, EvidenceItem[]>; lineage: ClaimLineage | null }) {
  const t = useTranslations('claimParts');
  const sep = { comma: t('list.comma'), and: t('list.and') };
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
              {t(`stanceHeadings.${stance}`)} <span className="count">({items.length})</span>
            </h3>
            {items.length === 0 ? <p className="meta">{t('evidence.noneRecorded')}</p> : null}
            {ordered.map(([g, list]) => {
              const roots = g === -1 ? [] : (lineage?.evidence.groups[g]?.roots ?? []);
              return (
                <div key={g} className="evidence-root-group">
                  {lineage && roots.length ? (
                    <p className="evidence-root meta">{t.rich('lineageEvidence.derivesFrom', { names: () => names(lineage, roots, sep) })}</p>
                  ) : lineage && groups.size > 1 ? (
                    <p className="evidence-root meta">{t('lineageEvidence.noUpstream')}</p>
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
