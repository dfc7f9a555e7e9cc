import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddEvidenceForm } from '@/app/_components/add-evidence-form';
import { SubmitHelp } from '@/app/_components/submit-help';
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
  return { title: claim ? `Add evidence: ${claim.title}` : 'Claim not found', robots: { index: false } };
}

export default async function NewEvidencePage({ params }: Props) {
  const { id } = await params;
  const db = await getDb();
  const claim = await getClaimSummary(db, id);
  if (!claim) notFound();
  return (
    <article className="narrow">
      <p className="meta">
        <Link href={`/claims/${claim.id}`}>← <bdi>{claim.title}</bdi></Link>
      </p>
      <h1>Add evidence</h1>
      <p>
        On the claim: <strong>{claim.statement}</strong>
      </p>
      <p>
        <SubmitHelp />
      </p>
      <AddEvidenceForm action={addEvidenceAction.bind(null, claim.id)} sources={await listSourceOptions(db, claim.id)} />
    </article>
  );
}
