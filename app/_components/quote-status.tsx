import type { QuoteAnchor } from '@/lib/captures/dto';

const LABELS = { verified: 'verified', moved: 'moved', fuzzy: 'approximate', orphan: 'not found', 'no-capture': 'no archived copy' } as const;

/**
 * Whether a quote is in the newest archived copy of its source: verified (with the copy's
 * date), moved, only approximate (never shown as verified, with its distance), not found, or
 * not checkable. One span of text: a claim page carries it twice (HTML and payload).
 */
export function QuoteStatus({ anchor }: { anchor: QuoteAnchor | null }) {
  const status = anchor?.capturedAt ? anchor.status : 'no-capture';
  const date = anchor?.capturedAt?.slice(0, 10);
  const text =
    status === 'no-capture'
      ? LABELS[status]
      : `${LABELS[status]}${status === 'fuzzy' ? ` (distance ${anchor!.distance})` : ''} · capture of ${date}${status === 'orphan' || status === 'fuzzy' ? ' · needs review' : ''}`;
  return (
    <span className={`qs qs-${status}`} data-quote-status={status}>
      {text}
    </span>
  );
}
