import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReliabilityGrade } from '@/lib/shared/vocabulary';

export function ReliabilityBadge({ grade }: { grade: ReliabilityGrade }) {
  const t = useTranslations('grades');
  const label = t(`${grade}.label`);
  return (
    <Link href={`/methodology#grade-${grade}`} className={`badge grade grade-${grade}`} title={t('title', { grade, label, meaning: t(`${grade}.meaning`) })}>
      <span aria-hidden="true">{grade}</span>
      <span className="visually-hidden">{t('spoken', { grade, label })}</span>
    </Link>
  );
}
