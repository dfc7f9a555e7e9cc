import Link from 'next/link';
import type { QuoteNeedingReview } from '@/lib/quotes/queries';
import { QuoteStatus } from './quote-status';

/** The review queue's list of quotes their source's newest archived copy does not bear out. */
export function QuotesNeedingReview({ items, total }: { items: QuoteNeedingReview[]; total: number }) {
  return (
    <section aria-labelledby="quotes-review-heading" className="quotes-review">
      <h2 id="quotes-review-heading">Quotes that need review ({total.toLocaleString('en')})</h2>
      <p className="meta">
        Orphaned quotes (not in the newest archived copy of their source) and approximate ones. Fix the quote, or archive a better copy of the source; `claims
        quotes verify` re-checks them all.
      </p>
      {items.length === 0 ? (
        <p>Every quote with an archived copy is found in it.</p>
      ) : (
        <ol>
          {items.map((q) => (
            <li key={`${q.claimId}-${q.evidenceId ?? q.passagePosition}`} data-quote-review={q.anchor.status}>
              <Link href={`/claims/${q.claimId}${q.evidenceId ? `#evidence-${q.evidenceId}` : `#passage-${q.passagePosition}`}`}>{q.claimTitle}</Link> ·{' '}
              {q.kind === 'passage' ? `passage ${(q.passagePosition ?? 0) + 1} of the claim file` : `evidence ${q.evidenceId}`} ·{' '}
              <Link href={`/sources/${q.source.id}`}><bdi>{q.source.title}</bdi></Link> · <QuoteStatus anchor={q.anchor} />
              <blockquote>{q.quote}</blockquote>
            </li>
          ))}
        </ol>
      )}
      {total > items.length ? <p className="meta">The first {items.length} are shown.</p> : null}
    </section>
  );
}
