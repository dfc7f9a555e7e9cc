/**
 * The current verdict should be looked at again: newer accepted evidence than the verdict, or
 * quotes that the newest archived copy of their source does not bear out (`quoteProblems`).
 */
export function NeedsReviewBadge({ quoteProblems = 0 }: { quoteProblems?: number }) {
  const why = quoteProblems > 0 ? `${quoteProblems} ${quoteProblems === 1 ? 'quote is' : 'quotes are'} not found as quoted in the source's archived copy` : 'Its newest accepted evidence is dated after the current verdict';
  return (
    <span className="badge needs-review" title={why} data-quote-problems={quoteProblems || undefined}>
      Needs review{quoteProblems > 0 ? ` · ${quoteProblems} ${quoteProblems === 1 ? 'quote' : 'quotes'}` : ''}
    </span>
  );
}
