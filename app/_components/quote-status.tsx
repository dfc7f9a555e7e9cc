import type { QuoteAnchor } from '@/lib/captures/dto';

const LABELS = {
  verified: 'verified',
  moved: 'moved',
  fuzzy: 'approximate',
  orphan: 'not found',
  'no-capture': 'no archived copy',
} as const;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/**
 * Whether a quote is in the newest archived copy of its source: verified (with the copy's
 * date), moved, only approximate (never shown as verified), not found, or not checkable.
 */
export function QuoteStatus({ anchor }: { anchor: QuoteAnchor | null }) {
  const a = anchor ?? { status: 'no-capture' as const, capturedAt: null, distance: null, occurrences: 0, captureId: null, selectors: null };
  const date = day(a.capturedAt);
  const explain = {
    verified: `The exact words are in the archived copy of ${date}${a.occurrences > 1 ? ` (${a.occurrences} times; anchored by their context)` : ''}.`,
    moved: `The exact words are in the archived copy of ${date}, but in another place than in the copy before it.`,
    fuzzy: `Only an approximate match in the archived copy of ${date}: ${a.distance} ${a.distance === 1 ? 'character differs' : 'characters differ'}. Not verified: the quote needs review.`,
    orphan: `Not found in the archived copy of ${date}: the quote or the copy is wrong. Needs review.`,
    'no-capture': 'The source has no archived copy to check this quote against.',
  }[a.status];
  return (
    <span className={`quote-status quote-${a.status}`} data-quote-status={a.status} title={explain}>
      <span className="badge">{LABELS[a.status]}</span>
      {date ? (
        <span className="meta">
          {' '}
          {a.status === 'fuzzy' ? `distance ${a.distance}, ` : ''}capture of <time dateTime={a.capturedAt!}>{date}</time>
        </span>
      ) : null}
      {a.status === 'orphan' || a.status === 'fuzzy' ? <strong className="needs-review"> · needs review</strong> : null}
    </span>
  );
}
