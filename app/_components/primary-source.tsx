import type { PrimarySource } from '@/lib/claims/claim-page-view';
import { ReliabilityBadge } from './reliability-badge';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** The source a claim traces back to, and whether we read it, or read it only through a relay. */
export function PrimarySourceLine({ primaries }: { primaries: PrimarySource[] }) {
  const t = useTranslations('claimParts');
  const [first, ...rest] = primaries;
  if (!first) return <span className="meta">{t('primarySource.none')}</span>;
  return (
    <span className="primary-source">
      <Link href={`/sources/${first.source.id}`}>{first.source.title}</Link> <ReliabilityBadge grade={first.source.reliability} />{' '}
      {first.source.verified ? (
        <span className="badge read-status read">{t('readStatus.read')}</span>
      ) : first.relay ? (
        <span>
          <span className="badge read-status not-read">{t('readStatus.notRead')}</span> <span className="meta">{t('primarySource.viaRelay')}</span>{' '}
          <Link href={`/sources/${first.relay.id}`}>{first.relay.title}</Link>
        </span>
      ) : (
        <span className="badge read-status not-read">{t('readStatus.notRead')}</span>
      )}
      {rest.length ? <span className="meta primary-source-more">{t('primarySource.more', { count: rest.length })}</span> : null}
    </span>
  );
}
