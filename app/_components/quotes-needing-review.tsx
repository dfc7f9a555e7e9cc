import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { QuoteNeedingReview } from '@/lib/quotes/queries';
import { QuoteStatus } from './quote-status';

/** The review queue's list of quotes their source's newest archived copy does not bear out. */
export function QuotesNeedingReview({ items, total }: { items: QuoteNeedingReview[]; total: number }) {
  const t = useTranslations('editorial.quotes');
  return (
    <section aria-labelledby="quotes-review-heading" className="quotes-review">
      <h2 id="quotes-review-heading">{t('heading', { total })}</h2>
      <p className="meta">{t('intro')}</p>
      {items.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ol>
          {items.map((q) => (
            <li key={`${q.claimId}-${q.evidenceId ?? q.passagePosition}`} data-quote-review={q.anchor.status}>
              <Link href={`/claims/${q.claimId}${q.evidenceId ? `#evidence-${q.evidenceId}` : `#passage-${q.passagePosition}`}`}>{q.claimTitle}</Link> ·{' '}
              {q.kind === 'passage' ? t('passage', { n: String((q.passagePosition ?? 0) + 1) }) : t('evidence', { id: String(q.evidenceId) })} ·{' '}
              <Link href={`/sources/${q.source.id}`}><bdi>{q.source.title}</bdi></Link> · <QuoteStatus anchor={q.anchor} />
              <blockquote>{q.quote}</blockquote>
            </li>
          ))}
        </ol>
      )}
      {total > items.length ? <p className="meta">{t('shown', { count: items.length })}</p> : null}
    </section>
  );
}
