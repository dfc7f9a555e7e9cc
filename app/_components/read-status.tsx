import Link from 'next/link';

/**
 * Whether we read the text a source record cites (its `verified` flag). Shown on source pages
 * and beside every source link that carries its metadata, so an excerpt's standing is visible
 * where it is quoted. The definition lives on /methodology#verified.
 */
export function ReadStatus({ verified, long = false }: { verified: boolean; long?: boolean }) {
  if (long) {
    return verified ? (
      <span>
        <span className="badge read-status read">read</span> We read the text this record cites (the original, or the copy named below).{' '}
        <Link href="/methodology#verified">What “read” means</Link>
      </span>
    ) : (
      <span>
        <span className="badge read-status not-read">not read</span> We have not read the text this record cites: what we know of it comes from
        others (see the reason above). <Link href="/methodology#verified">What “read” means</Link>
      </span>
    );
  }
  return verified ? null : (
    <Link href="/methodology#verified" className="badge read-status not-read" title="We have not read the text this source record cites.">
      not read
    </Link>
  );
}
