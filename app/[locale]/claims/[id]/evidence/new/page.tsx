import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AddEvidenceForm } from '@/app/_components/add-evidence-form';
import { SubmitHelp } from '@/app/_components/submit-help';
import { addEvidenceLabels, submitHelpLabels } from '@/app/_lib/form-labels';
import { getClaimSummary } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { listSourceOptions } from '@/lib/sources/options';
import { addEvidenceAction } from '../actions';

// The same form as on the claim page, on a page of its own; cached like the claim page
// (who is signed in is decided by the action, not by the page).
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { id: string }[] {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await getClaimSummary(await getDb(), id);
  const t = await getTranslations('editorial');
  return { title: claim ? t('newEvidence.title', { title: claim.title }) : t('claimNotFound'), robots: { index: false } };
}

export default async function NewEvidencePage({ params }: Props) {
  const { id } = await params;
  const db = await getDb();
  const claim = await getClaimSummary(db, id);
  if (!claim) notFound();
  const [t, forms, stances] = await Promise.all([getTranslations('editorial'), getTranslations('forms'), getTranslations('stances')]);
  return (
    <article className="narrow">
      <p className="meta">
        <Link href={`/claims/${claim.id}`}>← <bdi>{claim.title}</bdi></Link>
      </p>
      <h1>{t('newEvidence.heading')}</h1>
      <p>{t.rich('newEvidence.onClaim', { strong: (chunk) => <strong>{chunk}</strong>, statement: claim.statement })}</p>
      <p>
        <SubmitHelp labels={submitHelpLabels(forms)} />
      </p>
      <AddEvidenceForm action={addEvidenceAction.bind(null, claim.id)} sources={await listSourceOptions(db, claim.id)} labels={addEvidenceLabels(forms, stances)} />
    </article>
  );
}
