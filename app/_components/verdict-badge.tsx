import type { CurrentVerdict } from '@/lib/claims/dto';
import { VERDICT_SCALE, type Verdict } from '@/lib/shared/vocabulary';
import { VerdictIcon } from './verdict-icon';

/**
 * A verdict label with its own colour and shape, linking to the scale on /methodology. A plain
 * link with a short title: pages carry many of these, each twice (HTML and RSC payload).
 */
export function VerdictBadge({ verdict, label }: { verdict: Pick<CurrentVerdict, 'value'> | Verdict; label?: string }) {
  const value = typeof verdict === 'string' ? verdict : verdict.value;
  const scale = VERDICT_SCALE[value];
  const rating = scale.ratingValue === null ? 'off the 1–5 scale' : `${scale.ratingValue} of 5`;
  return (
    <a href={`/methodology#verdict-${value}`} className={`badge verdict verdict-${value}`} title={`${scale.label} (${rating})`}>
      <VerdictIcon verdict={value} />
      {label ?? scale.label}
    </a>
  );
}
