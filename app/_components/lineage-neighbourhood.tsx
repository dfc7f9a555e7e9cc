import Link from 'next/link';
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

const FLAG_WORDS = { 'dead-end': 'not read', root: 'cites nothing recorded', unsourced: 'cites nothing, not primary' } as const;

export function LineageNeighbourhood({ source, lineage }: { source: SourceDetail; lineage: SourceLineage | null }) {
  const upstream = lineage?.nodes.filter((n) => n.depth < -1) ?? [];
  const downstream = lineage?.nodes.filter((n) => n.depth > 1) ?? [];
  const through = lineage?.claimsThroughOthers;
  const citing = groupCitingSources(source.citedBy, source.citedInAppearances);
  return (
    <section aria-labelledby="chain-heading" className="lineage-neighbourhood">
      <h2 id="chain-heading">Place in citation chains</h2>
      {lineage ? (
        <p>
          <strong>{lineage.derivedSources.toLocaleString('en')}</strong> {lineage.derivedSources === 1 ? 'source derives' : 'sources derive'} from it and{' '}
          <strong>{lineage.derivedClaims.toLocaleString('en')}</strong> current {lineage.derivedClaims === 1 ? 'claim rests' : 'claims rest'} on it, directly or through others.{' '}
          <Link href="/sources/graph">All upstream roots</Link> · <a href={`/api/sources/${source.id}/lineage`}>JSON</a>
        </p>
      ) : null}
      <div className="two-col">
        <div>
          <h3>What it cites</h3>
          {source.cites.length ? (
            <ul>
              {source.cites.map((s) => (
                <li key={s.id}>
                  <SourceTitle source={s} />{' '}
                  <span className={`badge basis-${s.basis}`}>{s.basis}</span>
                  {s.locator ? <span className="meta"> · {s.locator}</span> : null}
                  {s.basis === 'inferred' && s.inferredBy ? <span className="meta"> · inferred by {s.inferredBy}</span> : null}
                  {s.note ? <p className="meta"><bdi>{s.note}</bdi></p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="meta">It cites no recorded source.</p>
          )}
          {upstream.length ? (
            <>
              <h3>Further upstream</h3>
              <ul>
                {upstream.map((n) => (
                  <li key={n.source.id}>
                    <SourceTitle source={n.source} /> <span className="meta">({-n.depth} links up{n.flags.length ? `; ${n.flags.map((f) => FLAG_WORDS[f]).join(', ')}` : ''})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <div>
          <h3>What cites it</h3>
          {citing.length ? (
            <ul className="citing-sources">
              {citing.map((g) => (
                <li key={g.source.id}>
                  <SourceTitle source={g.source} />
                  {g.forClaims.length ? (
                    <>
                      {' '}
                      <span className="meta">
                        — cited it for {g.forClaims.length} {g.forClaims.length === 1 ? 'claim' : 'claims'}
                        {g.inRecord ? ' and in its own record' : ''}:
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
              {source.citedByCount > source.citedBy.length ? <li className="meta">…and {source.citedByCount - source.citedBy.length} more sources</li> : null}
              {source.citedInAppearancesCount > source.citedInAppearances.length ? (
                <li className="meta">…and {source.citedInAppearancesCount - source.citedInAppearances.length} more citing appearances</li>
              ) : null}
            </ul>
          ) : (
            <p className="meta">Nothing recorded cites it.</p>
          )}
          {downstream.length ? (
            <>
              <h3>Further downstream</h3>
              <ul>
                {downstream.map((n) => (
                  <li key={n.source.id}>
                    <SourceTitle source={n.source} /> <span className="meta">({n.depth} links down)</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {lineage?.truncated ? <p className="meta">More sources lie up or down the chain than are listed here; the JSON lists the same bounded set.</p> : null}
        </div>
      </div>
      {through && through.total > 0 ? (
        <>
          <h3>Claims resting on it through other sources ({through.totalIsLowerBound ? 'at least ' : ''}{through.total.toLocaleString('en')})</h3>
          <ul className="lineage-through">
            {through.items.map((c) => (
              <li key={c.id}>
                <VerdictBadge verdict={c.verdict} /> <Link href={`/claims/${c.id}`}><bdi>{c.title}</bdi></Link>
              </li>
            ))}
          </ul>
          {through.next ? (
            <p>
              <a href={`/api/sources/${source.id}/lineage?cursor=${through.next}`}>More (JSON) →</a>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
