import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * Whether we read the text a source record cites (its `verified` flag). Shown on source pages
 * and beside every source link that carries its metadata, so an excerpt's standing is visible
 * where it is quoted. The definition lives on /methodology#verified.
 */
export function ReadStatus({ verified, long = false }: { verified: boolean; long?: boolean }) {
  const t = useTranslations('claimParts.readStatus');
  if (long) {
    return verified ? (
      <span>
        <span className="badge read-status read">{t('read')}</span> {t('readLong')} <Link href="/methodology#verified">{t('whatReadMeans')}</Link>
      </span>
    ) : (
      <span>
        <span className="badge read-status not-read">{t('notRead')}</span> {t('notReadLong')} <Link href="/methodology#verified">{t('whatReadMeans')}</Link>
      </span>
    );
  }
  return verified ? null : (
    <Link href="/methodology#verified" className="badge read-status not-read" title={t('notReadTitle')}>
      {t('notRead')}
    </Link>
  );
}
