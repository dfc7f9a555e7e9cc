import Link from 'next/link';
import type { CurrentVerdict } from '@/lib/claims/dto';
import { VERDICT_SCALE, type Verdict } from '@/lib/shared/vocabulary';
import { VerdictIcon } from './verdict-icon';

/** A verdict label with its own colour and shape, explaining itself on hover and linking to the scale on /methodology. */
export function VerdictBadge({ verdict, label }: { verdict: Pick<CurrentVerdict, 'value'> | Verdict; label?: string }) {
  const value = typeof verdict === 'string' ? verdict : verdict.value;
  const scale = VERDICT_SCALE[value];
  const rating = scale.ratingValue === null ? 'off the 1–5 scale' : `${scale.ratingValue} of 5`;
  return (
    <Link href={`/methodology#verdict-${value}`} className={`badge verdict verdict-${value}`} title={`${scale.label} (${rating}): ${scale.meaning}`}>
      <VerdictIcon verdict={value} />
      {label ?? scale.label}
    </Link>
  );
}
