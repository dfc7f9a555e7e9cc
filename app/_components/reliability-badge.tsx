import { useTranslations } from 'next-intl';
import type { ReliabilityGrade } from '@/lib/shared/vocabulary';

/**
 * A plain link, not next/link: a claim page carries thirty of these, each twice (HTML and the
 * RSC payload), and the grade's meaning is one click away on /methodology. The title is read
 * as the link's description after its letter; an aria-label repeating it cost 3 KB a page.
 */
export function ReliabilityBadge({ grade }: { grade: ReliabilityGrade }) {
  const t = useTranslations('grades');
  const label = t('spoken', { grade, label: t(`${grade}.label`) });
  return (
    <a href={`/methodology#grade-${grade}`} className={`badge grade grade-${grade}`} title={label}>
      {grade}
    </a>
  );
}
