import type { PrimarySource } from '@/lib/claims/claim-page-view';
import { ReliabilityBadge } from './reliability-badge';
import Link from 'next/link';

/** The source a claim traces back to, and whether we read it, or read it only through a relay. */
export function PrimarySourceLine({ primaries }: { primaries: PrimarySource[] }) {
  const [first, ...rest] = primaries;
  if (!first) return <span className="meta">none recorded</span>;
  return (
    <span className="primary-source">
      <Link href={`/sources/${first.source.id}`}>{first.source.title}</Link> <ReliabilityBadge grade={first.source.reliability} />{' '}
      {first.source.verified ? (
        <span className="badge read-status read">read</span>
      ) : first.relay ? (
        <span>
          <span className="badge read-status not-read">not read</span> <span className="meta">via relay</span>{' '}
          <Link href={`/sources/${first.relay.id}`}>{first.relay.title}</Link>
        </span>
      ) : (
        <span className="badge read-status not-read">not read</span>
      )}
      {rest.length ? <span className="meta"> · and {rest.length} more (see “Where it appeared”)</span> : null}
    </span>
  );
}
