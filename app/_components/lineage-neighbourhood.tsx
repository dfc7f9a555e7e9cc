import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { SourceLineage } from '@/lib/lineage/dto';
import type { SourceDetail } from '@/lib/sources/dto';
import { SourceTitle } from './source-title';
import { groupCitingSources } from '@/lib/sources/citing-groups';
import { VerdictBadge } from './verdict-badge';

/**
 * A source's place in the citation graph: what it cites (with how each link is known), what
 * cites it, what it derives from further up, what derives from it, and the claims that rest on
 * it only through other sources. Every list is bounded and says how many more there are.
 */

export function LineageNeighbourhood({ source, lineage }: { source: SourceDetail; lineage: SourceLineage | null }) {
  const t = useTranslations('claimParts.neighbourhood');
  const tBasis = useTranslations('claimParts.lineage.basis');
  const tList = useTranslations('claimParts.list');
  const upstream = lineage?.nodes.filter((n) => n.depth < -1) ?? [];
  const downstream = lineage?.nodes.filter((n) => n.depth > 1) ?? [];
  const through = lineage?.claimsThroughOthers;
  const citing = groupCitingSources(source.citedBy, source.citedInAppearances);
  return (
    <section aria-labelledby="chain-heading" className="lineage-neighbourhood">
      <h2 id="chain-heading">{t('heading')}</h2>
      {lineage ? (
        <p>
          {t.rich('derived', {
            sources: lineage.derivedSources.toLocaleString('en'),
            sourceCount: lineage.derivedSources,
            claims: lineage.derivedClaims.toLocaleString('en'),
            claimCount: lineage.derivedClaims,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}{' '}
          <Link href="/sources/graph">{t('allRoots')}</Link> · <a href={`/api/sources/${source.id}/lineage`}>JSON</a>
        </p>
      ) : null}
      <div className="two-col">
        <div>
          <h3>{t('whatItCites')}</h3>
          {source.cites.length ? (
            <ul>
              {source.cites.map((s) => (
                <li key={s.id}>
                  <SourceTitle source={s} />{' '}
                  <span className={`badge basis-${s.basis}`}>{tBasis(s.basis)}</span>
                  {s.locator ? <span className="meta"> · {s.locator}</span> : null}
                  {s.basis === 'inferred' && s.inferredBy ? <span className="meta">{t('inferredBy', { who: s.inferredBy })}</span> : null}
                  {s.note ? <p className="meta"><bdi>{s.note}</bdi></p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="meta">{t('citesNothing')}</p>
          )}
          {upstream.length ? (
            <>
              <h3>{t('furtherUpstream')}</h3>
              <ul>
                {upstream.map((n) => (
                  <li key={n.source.id}>
                    <SourceTitle source={n.source} /> <span className="meta">{n.flags.length ? t('linksUpFlags', { count: -n.depth, flags: n.flags.map((f) => t(`flags.${f}`)).join(tList('comma')) }) : t('linksUp', { count: -n.depth })}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <div>
          <h3>{t('whatCitesIt')}</h3>
          {citing.length ? (
            <ul className="citing-sources">
              {citing.map((g) => (
                <li key={g.source.id}>
                  <SourceTitle source={g.source} />
                  {g.forClaims.length ? (
                    <>
                      {' '}
                      <span className="meta">
                        {t(g.inRecord ? 'citedForInRecord' : 'citedFor', { count: g.forClaims.length })}
                      </span>
                      <ul className="meta">
                        {g.forClaims.map((c) => (
                          <li key={c.claimId}>
                            <Link href={`/claims/${c.claimId}`}>{c.claimTitle}</Link>
                            {c.date ? <> ({c.date})</> : null}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </li>
              ))}
              {source.citedByCount > source.citedBy.length ? <li className="meta">{t('moreSources', { count: source.citedByCount - source.citedBy.length })}</li> : null}
              {source.citedInAppearancesCount > source.citedInAppearances.length ? (
                <li className="meta">{t('moreAppearances', { count: source.citedInAppearancesCount - source.citedInAppearances.length })}</li>
              ) : null}
            </ul>
          ) : (
            <p className="meta">{t('nothingCites')}</p>
          )}
          {downstream.length ? (
            <>
              <h3>{t('furtherDownstream')}</h3>
              <ul>
                {downstream.map((n) => (
                  <li key={n.source.id}>
                    <SourceTitle source={n.source} /> <span className="meta">{t('linksDown', { count: n.depth })}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {lineage?.truncated ? <p className="meta">{t('truncated')}</p> : null}
        </div>
      </div>
      {through && through.total > 0 ? (
        <>
          <h3>{t(through.totalIsLowerBound ? 'throughAtLeast' : 'through', { total: through.total.toLocaleString('en') })}</h3>
          <ul className="lineage-through">
            {through.items.map((c) => (
              <li key={c.id}>
                <VerdictBadge verdict={c.verdict} /> <Link href={`/claims/${c.id}`}><bdi>{c.title}</bdi></Link>
              </li>
            ))}
          </ul>
          {through.next ? (
            <p>
              <a href={`/api/sources/${source.id}/lineage?cursor=${through.next}`}>{t('more')}</a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
