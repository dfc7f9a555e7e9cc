import Link from 'next/link';
import { RELIABILITY_SCALE, type ReliabilityGrade } from '@/lib/shared/vocabulary';

export function ReliabilityBadge({ grade }: { grade: ReliabilityGrade }) {
  const scale = RELIABILITY_SCALE[grade];
  return (
    <Link href={`/methodology#grade-${grade}`} className={`badge grade grade-${grade}`} title={`Grade ${grade}: ${scale.label}. ${scale.meaning}`}>
      <span aria-hidden="true">{grade}</span>
      <span className="visually-hidden">Reliability grade {grade}: {scale.label}</span>
    </Link>
  );
}
