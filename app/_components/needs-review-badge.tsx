import { useTranslations } from 'next-intl';

/**
 * The current verdict should be looked at again: newer accepted evidence than the verdict, or
 * quotes that the newest archived copy of their source does not bear out (`quoteProblems`).
 */
export function NeedsReviewBadge({ quoteProblems = 0 }: { quoteProblems?: number }) {
  const t = useTranslations('claimParts.needsReview');
  const why = quoteProblems > 0 ? t('whyQuotes', { count: quoteProblems }) : t('whyEvidence');
  return (
    <span className="badge needs-review" title={why} data-quote-problems={quoteProblems || undefined}>
      {quoteProblems > 0 ? t('quotes', { count: quoteProblems }) : t('label')}
    </span>
  );
}
