import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ClaimNumbersBlock } from '@/lib/numbers/queries';
import { describeFigure } from '@/lib/numbers/parse';
import { describeRatio } from '@/lib/numbers/compare';

/**
 * A numeric claim's figures against its evidence: the one-line summary, the chart (a stored SVG
 * served as its own resource, so the page stays small), the same numbers as a table beside it,
 * possible contradictions with other claims, the series it belongs to, and the data downloads.
 */
export function ClaimNumbers({ numbers }: { numbers: ClaimNumbersBlock | null }) {
  const t = useTranslations('claimParts.numbers');
  const tStances = useTranslations('stances');
  const tList = useTranslations('claimParts.list');
  if (!numbers) return null;
  return (
    <section className="claim-numbers" id="numbers" aria-labelledby="numbers-heading">
      <h2 id="numbers-heading">{t('heading')}</h2>
      <p className="numbers-summary" data-testid="numbers-summary">
        <strong>{numbers.summary}</strong>
      </p>
      <p className="meta">
        {t('measure', { measure: numbers.measure.label })}
        {numbers.claimed.note ? ` — ${numbers.claimed.note}` : ''}
        {tList('end')}
      </p>
      <figure className="numbers-figure">
        <object data={numbers.chartUrl} type="image/svg+xml" className="numbers-chart" width={numbers.chartSize.width} height={numbers.chartSize.height} style={{ aspectRatio: `${numbers.chartSize.width} / ${numbers.chartSize.height}` }} aria-label={t('chartLabel', { measure: numbers.measure.label })}>
          {t('chartFallback')}
        </object>
        <figcaption className="meta">
          {t('sources')}
          {numbers.sources.length ? numbers.sources.map((s, i) => (
            <span key={s.id}>
              {i ? tList('semicolon') : ''}
              <Link href={`/sources/${s.id}`}>{s.title}</Link>
            </span>
          )) : t('noSources')}
          {tList('end')} {numbers.logScale ? t('logScale') : ''}
          <a href={numbers.csvUrl}>{t('csv')}</a> · <a href={numbers.metadataUrl}>{t('metadata')}</a>
        </figcaption>
      </figure>
      <div className="table-scroll">
        <table className="numbers-table" data-testid="numbers-table">
          <caption className="meta">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figure')}</th>
              <th scope="col">{t('source')}</th>
              <th scope="col">{t('asOf')}</th>
              <th scope="col">{t('claimIs')}</th>
              <th scope="col">{t('ratio')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{describeFigure(numbers.claimed)}</td>
              <td>{t('claimed')}</td>
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
                    {tStances(c.stance)}
                    {c.independent ? '' : t('repeats')}
                  </div>
                </td>
                <td>{c.quantity.asOf ?? '—'}</td>
                <td>{c.position ? t(`position.${c.position}`) : t('notCompared')}</td>
                <td>{c.ratio ? describeRatio(c.ratio) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {numbers.otherFigures.length ? (
        <details>
          <summary>
            {t('otherFigures', { count: numbers.otherFigures.length })}
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
          <h3>{t('conflicts')}</h3>
          <p className="meta">
            {t.rich('conflictsText', { count: numbers.conflictCount, link: (chunks) => <Link href="/methodology#numbers">{chunks}</Link> })}
          </p>
          <ul>
            {numbers.conflicts.map((c) => (
              <li key={c.claimId}>
                <Link href={`/claims/${c.claimId}`}>{c.title}</Link>
                {t('conflict', { other: c.detail.other, claimed: c.detail.claimed, tolerance: c.detail.tolerance })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {numbers.series && numbers.seriesChartUrl && numbers.series.members.length > 1 ? (
        <figure className="numbers-figure">
          <object data={numbers.seriesChartUrl} type="image/svg+xml" className="numbers-chart" width={numbers.seriesChartSize?.width} height={numbers.seriesChartSize?.height} style={numbers.seriesChartSize ? { aspectRatio: `${numbers.seriesChartSize.width} / ${numbers.seriesChartSize.height}` } : undefined} aria-label={t('seriesLabel')}>
            {t('seriesFallback')}
          </object>
          <figcaption className="meta">
            {t('series')}
            {numbers.series.claims.slice(0, 10).map((c, i) => (
              <span key={c.id}>
                {i ? tList('semicolon') : ''}
                {c.member} <Link href={`/claims/${c.id}#numbers`}>{c.claimed}</Link>
              </span>
            ))}
            {numbers.series.claims.length > 10 || numbers.series.truncated ? t('seriesMore') : ''}
            {tList('end')}
          </figcaption>
        </figure>
      ) : null}
    </section>
  );
}
