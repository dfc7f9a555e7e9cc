import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ClaimSummary } from '@/lib/claims/dto';
import { ConfidenceMeter } from './confidence-meter';
import { claimantPath } from '@/lib/claims/claimant-path';
import { NeedsReviewBadge } from './needs-review-badge';
import { VerdictBadge } from './verdict-badge';
import { formatDay } from '@/i18n/format';

/** One claim in a board or list: verdict, confidence and the one-line statement. */
export function ClaimRow({ claim }: { claim: ClaimSummary }) {
  const t = useTranslations('claimRow');
  const format = useFormatter();
  return (
    <li className="claim-row">
      <div className="claim-row-badges">
        <VerdictBadge verdict={claim.verdict} />
        <ConfidenceMeter value={claim.confidence} />
        {claim.needsReview ? <NeedsReviewBadge quoteProblems={claim.quoteProblemCount} /> : null}
      </div>
      <div className="claim-row-text">
        <h3>
          <Link href={`/claims/${claim.id}`}><bdi>{claim.title}</bdi></Link>
        </h3>
        <p>{claim.statement}</p>
        <p className="meta">
          <Link href={claimantPath(claim.claimant)}>{claim.claimant}</Link> · {t('reviewed')} <time dateTime={claim.lastReviewed}>{formatDay(format, claim.lastReviewed)}</time>
        </p>
      </div>
    </li>
  );
}
