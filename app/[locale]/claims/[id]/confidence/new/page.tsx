import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ConfidenceNoteForm } from '@/app/_components/confidence-note-form';
import { requireEditorPage } from '@/app/_lib/auth';
import { getClaimSummary } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { listAcceptedEvidence } from '@/lib/evidence/queries';
import { CLAIM_PAGE_EVIDENCE_LIMIT } from '@/lib/claims/claim-page';
import { VERDICTS } from '@/lib/shared/vocabulary';
import { addConfidenceNoteAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('editorial'))('newConfidence.title'), robots: { index: false } };
}

export default async function NewConfidenceNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  await requireEditorPage(db, `/claims/${id}/confidence/new`);
  const claim = await getClaimSummary(db, id);
  if (!claim) notFound();
  const [t, forms, verdicts, stances, locale] = await Promise.all([
    getTranslations('editorial'),
    getTranslations('forms'),
    getTranslations('verdicts'),
    getTranslations('stances'),
    getLocale(),
  ]);
  const evidence = (await listAcceptedEvidence(db, { claimId: id, limit: CLAIM_PAGE_EVIDENCE_LIMIT })).map((e) => ({
    id: e.id,
    label: t('newConfidence.evidence', {
      stance: stances.has(e.stance) ? stances(e.stance) : e.stance,
      excerpt: e.excerpt.length > 100 ? `${e.excerpt.slice(0, 100)}…` : e.excerpt,
    }),
  }));
  const labels = {
    confidence: forms('confidence.confidence'),
    verdict: forms('confidence.verdict'),
    unchanged: forms('confidence.unchanged'),
    // The English form has always offered the codes themselves; other languages get the verdicts' names.
    verdicts: Object.fromEntries(VERDICTS.map((v) => [v, locale === 'en' ? v : verdicts(`${v}.label`)])),
    reason: forms('confidence.reason'),
    evidence: forms('confidence.evidence'),
    noEvidence: forms('confidence.noEvidence'),
    saving: forms('confidence.saving'),
    submit: forms('confidence.submit'),
  };
  return (
    <article className="narrow">
      <p className="meta">
        <Link href={`/claims/${claim.id}`}>← <bdi>{claim.title}</bdi></Link>
      </p>
      <h1>{t('newConfidence.heading')}</h1>
      <p className="meta">
        {t('newConfidence.current', {
          verdict: verdicts(`${claim.verdict.value}.label`),
          date: claim.verdict.date,
          confidence: claim.confidence === null ? t('newConfidence.none') : t('newConfidence.percent', { value: Math.round(claim.confidence * 100) }),
        })}
      </p>
      <ConfidenceNoteForm action={addConfidenceNoteAction.bind(null, claim.id)} evidence={evidence} labels={labels} />
    </article>
  );
}
