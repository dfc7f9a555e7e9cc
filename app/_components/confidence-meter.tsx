import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** The current confidence as a percentage with a meter; "no figure" when no note gives one. */
export function ConfidenceMeter({ value }: { value: number | null }) {
  const t = useTranslations('claimParts.confidence');
  if (value === null) {
    return (
      <Link href="/methodology#confidence" className="confidence confidence-none" title={t('noneTitle')}>
        {t('none')}
      </Link>
    );
  }
  const pct = Math.round(value * 100);
  return (
    <Link href="/methodology#confidence" className="confidence" title={t('title', { pct })}>
      <meter min={0} max={1} value={value} aria-hidden="true" />
      <span>{pct}%</span>
    </Link>
  );
}
