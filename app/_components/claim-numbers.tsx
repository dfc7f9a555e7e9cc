import Link from 'next/link';
import type { ClaimNumbersBlock } from '@/lib/numbers/queries';
import { describeFigure } from '@/lib/numbers/parse';
import { describeRatio } from '@/lib/numbers/compare';

/**
 * A numeric claim's figures against its evidence: the one-line summary, the chart (a stored SVG
 * served as its own resource, so the page stays small), the same numbers as a table beside it,
 * possible contradictions with other claims, the series it belongs to, and the data downloads.
 */
export function ClaimNumbers({ numbers }: { numbers: ClaimNumbersBlock | null }) {
  if (!numbers) return null;
  const positionText: Record<string, string> = { matches: 'matches', inside: 'inside', contains: 'spans it', overlaps: 'overlaps', above: 'above', below: 'below' };
  return (
    <section className="claim-numbers" id="numbers" aria-labelledby="numbers-heading">
      <h2 id="numbers-heading">The figure against the evidence</h2>
      <p className="numbers-summary" data-testid="numbers-summary">
        <strong>{numbers.summary}</strong>
      </p>
      <p className="meta">
        Measure: {numbers.measure.label}
        {numbers.claimed.note ? ` — ${numbers.claimed.note}` : ''}.
      </p>
      <figure className="numbers-figure">
        <object data={numbers.chartUrl} type="image/svg+xml" className="numbers-chart" width={numbers.chartSize.width} height={numbers.chartSize.height} style={{ aspectRatio: `${numbers.chartSize.width} / ${numbers.chartSize.height}` }} aria-label={`Chart: ${numbers.measure.label}, claimed against evidence`}>
          The chart needs SVG; the table below holds the same numbers.
        </object>
        <figcaption className="meta">
          Sources: {numbers.sources.length ? numbers.sources.map((s, i) => (
            <span key={s.id}>
              {i ? '; ' : ''}
              <Link href={`/sources/${s.id}`}>{s.title}</Link>
            </span>
          )) : 'no evidence figure of this measure yet'}
          . {numbers.logScale ? 'Log scale: the figures spread more than tenfold. ' : ''}
          <a href={numbers.csvUrl}>Data (CSV)</a> · <a href={numbers.metadataUrl}>metadata (JSON)</a>
        </figcaption>
      </figure>
      <div className="table-scroll">
        <table className="numbers-table" data-testid="numbers-table">
          <caption className="meta">The claimed figure and each evidence figure: where the claim lies against it, and by what factor.</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Source</th>
              <th scope="col">As of</th>
              <th scope="col">Claim is</th>
              <th scope="col">Claimed ÷ this</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{describeFigure(numbers.claimed)}</td>
              <td>Claimed</td>
              <td>{numbers.claimed.asOf ?? '—'}</td>
              <td>—</td>
              <td>—</td>
            </tr>
            {numbers.comparisons.map((c) => (
              <tr key={c.evidenceId}>
                <td>
                  {describeFigure(c.quantity)}
                  {c.relation === 'related' ? <div className="meta">{c.caveat}</div> : null}
                  {c.moneyNote ? <div className="meta">{c.moneyNote}</div> : null}
                </td>
                <td>
                  <a href={`#evidence-${c.evidenceId}`}>{c.sourceTitle}</a>
                  <div className="meta">
                    {c.stance}
                    {c.independent ? '' : ', repeats the claim'}
                  </div>
                </td>
                <td>{c.quantity.asOf ?? '—'}</td>
                <td>{c.position ? positionText[c.position] : 'not compared'}</td>
                <td>{c.ratio ? describeRatio(c.ratio) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {numbers.otherFigures.length ? (
        <details>
          <summary>
            {numbers.otherFigures.length} evidence {numbers.otherFigures.length === 1 ? 'figure measures' : 'figures measure'} something else (not compared)
          </summary>
          <ul>
            {numbers.otherFigures.map((f) => (
              <li key={f.evidenceId}>
                {describeFigure(f.quantity)} — {f.measureLabel} (<a href={`#evidence-${f.evidenceId}`}>{f.sourceTitle}</a>)
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {numbers.conflictCount ? (
        <div className="numbers-conflicts" data-testid="numbers-conflicts">
          <h3>Possible contradictions</h3>
          <p className="meta">
            {numbers.conflictCount} other {numbers.conflictCount === 1 ? 'claim states' : 'claims state'} this measure for an overlapping period, beyond the tolerance
            for its kind of figure (<Link href="/methodology#numbers">tolerances</Link>).
          </p>
          <ul>
            {numbers.conflicts.map((c) => (
              <li key={c.claimId}>
                <Link href={`/claims/${c.claimId}`}>{c.title}</Link>: {c.detail.other} against {c.detail.claimed}, {c.detail.tolerance}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {numbers.series && numbers.seriesChartUrl && numbers.series.members.length > 1 ? (
        <figure className="numbers-figure">
          <object data={numbers.seriesChartUrl} type="image/svg+xml" className="numbers-chart" width={numbers.seriesChartSize?.width} height={numbers.seriesChartSize?.height} style={numbers.seriesChartSize ? { aspectRatio: `${numbers.seriesChartSize.width} / ${numbers.seriesChartSize.height}` } : undefined} aria-label="Chart: the series, claimed against evidence, member by member">
            The series chart needs SVG.
          </object>
          <figcaption className="meta">
            The series: {numbers.series.claims.slice(0, 10).map((c, i) => (
              <span key={c.id}>
                {i ? '; ' : ''}
                {c.member} <Link href={`/claims/${c.id}#numbers`}>{c.claimed}</Link>
              </span>
            ))}
            {numbers.series.claims.length > 10 || numbers.series.truncated ? '; and more on /numbers' : ''}.
          </figcaption>
        </figure>
      ) : null}
    </section>
  );
}
