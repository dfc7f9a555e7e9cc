import Link from 'next/link';
import type { SourceLink } from '@/lib/sources/source-link';
import { ReadStatus } from './read-status';
import { ReliabilityBadge } from './reliability-badge';

/** A source as a link to its page, with publisher, date and grade. */
export function SourceTitle({ source, showMeta = true }: { source: SourceLink; showMeta?: boolean }) {
  return (
    <span className="source-title">
      <Link href={`/sources/${source.id}`}><bdi>{source.title}</bdi></Link>
      {showMeta ? (
        <>
          {' '}
          <span className="meta">
            {[source.publisher, source.published].filter(Boolean).join(', ')}
          </span>{' '}
          <ReliabilityBadge grade={source.reliability} /> <ReadStatus verified={source.verified} />
        </>
      ) : null}
    </span>
  );
}
