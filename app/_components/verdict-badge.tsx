import Link from 'next/link';
import type { CurrentVerdict } from '@/lib/claims/dto';
import { VERDICT_SCALE, type Verdict } from '@/lib/shared/vocabulary';

/** A verdict label that explains itself on hover and links to the scale on /methodology. */
export function VerdictBadge({ verdict }: { verdict: Pick<CurrentVerdict, 'value'> | Verdict }) {
  const value = typeof verdict === 'string' ? verdict : verdict.value;
  const scale = VERDICT_SCALE[value];
  const rating = scale.ratingValue === null ? 'off the 1–5 scale' : `${scale.ratingValue} of 5`;
  return (
    <Link href={`/methodology#verdict-${value}`} className={`badge verdict verdict-${value}`} title={`${scale.label} (${rating}): ${scale.meaning}`}>
      {scale.label}
    </Link>
  );
}
