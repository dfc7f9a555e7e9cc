import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { CurrentVerdict } from '@/lib/claims/dto';
import { VERDICT_SCALE, type Verdict } from '@/lib/shared/vocabulary';
import { VerdictIcon } from './verdict-icon';

/** A verdict label with its own colour and shape, explaining itself on hover and linking to the scale on /methodology. */
export function VerdictBadge({ verdict, label }: { verdict: Pick<CurrentVerdict, 'value'> | Verdict; label?: string }) {
  const t = useTranslations('verdicts');
  const value = typeof verdict === 'string' ? verdict : verdict.value;
  const rating = VERDICT_SCALE[value].ratingValue;
  const name = t(`${value}.label`);
  const ratingText = rating === null ? t('offScale') : t('rating', { rating });
  return (
    <Link href={`/methodology#verdict-${value}`} className={`badge verdict verdict-${value}`} title={`${name} (${ratingText}): ${t(`${value}.meaning`)}`}>
      <VerdictIcon verdict={value} />
      {label ?? name}
    </Link>
  );
}
