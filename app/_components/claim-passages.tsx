import type { ClaimPassage } from '@/lib/claims/passages';
import { QuoteStatus } from './quote-status';

/** Every passage of its source the claim quotes, the main one first, each marked with its status in the newest archived copy. */
export function ClaimPassages({ passages, quoteProblemCount }: { passages: ClaimPassage[]; quoteProblemCount: number }) {
  return (
    <>
      {quoteProblemCount > 0 ? (
        <p className="notice" role="note" data-quote-problems={quoteProblemCount}>
          <strong>Needs review:</strong> {quoteProblemCount} {quoteProblemCount === 1 ? 'quote of this claim is' : 'quotes of this claim are'} not in the newest
          archived copy of {quoteProblemCount === 1 ? 'its' : 'their'} source as quoted (not found, or only approximately).
        </p>
      ) : null}
      {passages.map((p) => (
        <div key={p.position} className="original passage" id={`passage-${p.position}`}>
          <figure>
            <blockquote lang={p.lang}>{p.text}</blockquote>
            <figcaption>
              {`${p.position === 0 ? 'Original' : 'Also'} (${p.lang})${p.locator ? `, ${p.locator}` : ''} · `}
              <QuoteStatus anchor={p.anchor} />
            </figcaption>
          </figure>
          <figure>
            <blockquote lang="en">{p.translation}</blockquote>
            <figcaption>Translation</figcaption>
          </figure>
        </div>
      ))}
    </>
  );
}
