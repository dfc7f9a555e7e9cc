import Link from 'next/link';
import type { SourceClaimUse } from '@/lib/sources/dto';
import type { KeysetPage } from '@/lib/shared/keyset';
import type { Verdict } from '@/lib/shared/vocabulary';
import { VerdictBadge } from './verdict-badge';

const ROLE_LABELS = { appearance: 'the claim appeared here', cited: 'cited for the claim', evidence: 'evidence' } as const;

/** Plain words for a breakdown: "15 claims: 1 false, 4 misleading, …" (the badges say the same in colour and shape). */
export function describeBreakdown(total: number, counts: { verdict: Verdict; label: string; count: number }[], noun = ['claim', 'claims']): string {
  return `${total.toLocaleString('en')} ${total === 1 ? noun[0] : noun[1]}: ${counts.map((c) => `${c.count.toLocaleString('en')} ${c.label.toLowerCase()}`).join(', ')}`;
}

/** "15 claims: 1 false, 4 misleading…", each count in its verdict's badge. */
export function VerdictBreakdown({ total, counts }: { total: number; counts: { verdict: Verdict; label: string; count: number }[] }) {
  if (total === 0) return null;
  const sentence = describeBreakdown(total, counts);
  return (
    <div className="verdict-breakdown">
      <p className="verdict-breakdown-total">
        <strong>{sentence.slice(0, sentence.indexOf(':') + 1)}</strong>
      </p>
      <ul className="verdict-counts" aria-label={sentence}>
        {counts.map((c) => (
          <li key={c.verdict}>
            <VerdictBadge verdict={c.verdict} label={`${c.count.toLocaleString('en')} ${c.label.toLowerCase()}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One page of the claims resting on a source, each with its verdict and how it rests there. */
export function SourceClaimsList({ sourceId, page, morePath }: { sourceId: string; page: KeysetPage<SourceClaimUse>; morePath?: string }) {
  if (page.items.length === 0) return <p className="meta">No current claim rests on it.</p>;
  const base = morePath ?? `/sources/${sourceId}/claims`;
  return (
    <>
      <ul className="source-claims">
        {page.items.map((c) => (
          <li key={c.id}>
            <VerdictBadge verdict={c.verdict} /> <Link href={`/claims/${c.id}`}><bdi>{c.title}</bdi></Link>{' '}
            <span className="meta">— {c.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
          </li>
        ))}
      </ul>
      {page.next ? (
        <p>
          <Link href={`${base}?cursor=${page.next}`}>
            More claims resting on it ({(page.total - page.items.length).toLocaleString('en')} more) →
          </Link>
        </p>
      ) : null}
    </>
  );
}
