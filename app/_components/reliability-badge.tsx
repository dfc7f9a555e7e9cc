import { useTranslations } from 'next-intl';
import type { ReliabilityGrade } from '@/lib/shared/vocabulary';

/**
 * A plain link, not next/link: a claim page carries thirty of these, each twice (HTML and the
 * RSC payload), and the grade's meaning is one click away on /methodology.
 */
export function ReliabilityBadge({ grade }: { grade: ReliabilityGrade }) {
  const t = useTranslations('grades');
  const label = t('spoken', { grade, label: t(`${grade}.label`) });
  return (
    <a href={`/methodology#grade-${grade}`} className={`badge grade grade-${grade}`} title={label} aria-label={label}>
      {grade}
    </a>
  );
}
