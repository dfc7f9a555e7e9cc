import { useTranslations } from 'next-intl';
import type { QuoteAnchor } from '@/lib/captures/dto';

/**
 * Whether a quote is in the newest archived copy of its source: verified (with the copy's
 * date), moved, only approximate (never shown as verified, with its distance), not found, or
 * not checkable. One span of text: a claim page carries it twice (HTML and payload).
 */
export function QuoteStatus({ anchor }: { anchor: QuoteAnchor | null }) {
  const t = useTranslations('claimParts.quoteStatus');
  const status = anchor?.capturedAt ? anchor.status : 'no-capture';
  const date = anchor?.capturedAt?.slice(0, 10);
  const text =
    status === 'no-capture'
      ? t(status)
      : `${t(status)}${status === 'fuzzy' ? t('distance', { distance: anchor!.distance ?? '' }) : ''}${t('capture', { date: date ?? '' })}${status === 'orphan' || status === 'fuzzy' ? t('needsReview') : ''}`;
  return (
    <span className={`qs qs-${status}`} data-quote-status={status}>
      {text}
    </span>
  );
}
