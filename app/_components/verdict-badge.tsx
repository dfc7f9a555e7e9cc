import { useTranslations } from 'next-intl';
import type { CurrentVerdict } from '@/lib/claims/dto';
import { VERDICT_SCALE, type Verdict } from '@/lib/shared/vocabulary';
import { VerdictIcon } from './verdict-icon';

/**
 * A verdict label with its own colour and shape, linking to the scale on /methodology. A plain
 * link with a short title: pages carry many of these, each twice (HTML and RSC payload).
 * The name is the reader's language's (messages/*.json, `verdicts`).
 */
export function VerdictBadge({ verdict, label }: { verdict: Pick<CurrentVerdict, 'value'> | Verdict; label?: string }) {
  const t = useTranslations('verdicts');
  const value = typeof verdict === 'string' ? verdict : verdict.value;
  const rating = VERDICT_SCALE[value].ratingValue;
  const name = t(`${value}.label`);
  return (
    <a href={`/methodology#verdict-${value}`} className={`badge verdict verdict-${value}`} title={`${name} (${rating === null ? t('offScale') : t('rating', { rating })})`}>
      <VerdictIcon verdict={value} />
      {label ?? name}
    </a>
  );
}
