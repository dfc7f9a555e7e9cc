import { useTranslations } from 'next-intl';
import type { ClaimPassage } from '@/lib/claims/passages';
import { QuoteStatus } from './quote-status';

/** Every passage of its source the claim quotes, the main one first, each marked with its status in the newest archived copy. */
export function ClaimPassages({ passages, quoteProblemCount }: { passages: ClaimPassage[]; quoteProblemCount: number }) {
  const t = useTranslations('claimParts.passages');
  const tList = useTranslations('claimParts.list');
  const clause = tList('clause');
  return (
    <>
      {quoteProblemCount > 0 ? (
        <p className="notice" role="note" data-quote-problems={quoteProblemCount}>
          {t.rich('problems', { count: quoteProblemCount, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : null}
      {passages.map((p) => (
        <div key={p.position} className="original passage" id={`passage-${p.position}`}>
          <figure>
            <blockquote lang={p.lang}>{p.text}</blockquote>
            <figcaption>
              {`${t(p.position === 0 ? 'original' : 'also', { lang: p.lang })}${p.locator ? `${clause}${p.locator}` : ''} · `}
              <QuoteStatus anchor={p.anchor} />
            </figcaption>
          </figure>
          <figure>
            <blockquote lang="en">{p.translation}</blockquote>
            <figcaption>{t('translation')}</figcaption>
          </figure>
        </div>
      ))}
    </>
  );
}
