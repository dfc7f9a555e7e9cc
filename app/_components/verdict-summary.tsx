import { useTranslations } from 'next-intl';
import type { ClaimDetail } from '@/lib/claims/dto';

/**
 * The claim file's one- or two-sentence summary of its verdict, shown right under the verdict.
 * Plain text only: it comes from a claim file, and is never rendered as MDX or HTML.
 */
export function VerdictSummary({ claim }: { claim: Pick<ClaimDetail, 'summary' | 'verdict'> }) {
  const t = useTranslations('claimParts.verdictSummary');
  const tVerdicts = useTranslations('verdicts');
  const { summary } = claim;
  if (!summary) return null;
  const stale = summary.verdict !== claim.verdict.value;
  return (
    <p className="verdict-summary">
      <strong>{t('inShort')}</strong>
      {summary.text}
      {stale ? (
        <span className="meta">
          {' '}
          {t.rich('stale', { verdict: tVerdicts(`${summary.verdict}.label`), date: summary.date, time: (chunks) => <time dateTime={summary.date}>{chunks}</time> })}
        </span>
      ) : null}
    </p>
  );
}
