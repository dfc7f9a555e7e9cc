import type { ClaimDetail } from '@/lib/claims/dto';
import { VERDICT_SCALE } from '@/lib/shared/vocabulary';

/**
 * The claim file's one- or two-sentence summary of its verdict, shown right under the verdict.
 * Plain text only: it comes from a claim file, and is never rendered as MDX or HTML.
 */
export function VerdictSummary({ claim }: { claim: Pick<ClaimDetail, 'summary' | 'verdict'> }) {
  const { summary } = claim;
  if (!summary) return null;
  const stale = summary.verdict !== claim.verdict.value;
  return (
    <p className="verdict-summary">
      <strong>In short: </strong>
      {summary.text}
      {stale ? (
        <span className="meta">
          {' '}
          (written for the earlier verdict “{VERDICT_SCALE[summary.verdict].label}” of <time dateTime={summary.date}>{summary.date}</time>; a later
          confidence note changed the verdict)
        </span>
      ) : null}
    </p>
  );
}
