import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfidenceNoteForm } from '@/app/_components/confidence-note-form';
import { requireEditorPage } from '@/app/_lib/auth';
import { getClaimSummary } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { listAcceptedEvidence } from '@/lib/evidence/queries';
import { CLAIM_PAGE_EVIDENCE_LIMIT } from '@/lib/claims/claim-page';
import { addConfidenceNoteAction } from './actions';

export const metadata: Metadata = { title: 'Add a confidence note', robots: { index: false } };

export default async function NewConfidenceNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  await requireEditorPage(db, `/claims/${id}/confidence/new`);
  const claim = await getClaimSummary(db, id);
  if (!claim) notFound();
  const evidence = (await listAcceptedEvidence(db, { claimId: id, limit: CLAIM_PAGE_EVIDENCE_LIMIT })).map((e) => ({
    id: e.id,
    label: `${e.stance}: ${e.excerpt.length > 100 ? `${e.excerpt.slice(0, 100)}…` : e.excerpt}`,
  }));
  return (
    <article className="narrow">
      <p className="meta">
        <Link href={`/claims/${claim.id}`}>← <bdi>{claim.title}</bdi></Link>
      </p>
      <h1>Add a confidence note</h1>
      <p className="meta">
        Current verdict: {claim.verdict.label} ({claim.verdict.date}); confidence {claim.confidence === null ? 'none' : `${Math.round(claim.confidence * 100)}%`}.
        Notes are append-only: this one becomes the newest.
      </p>
      <ConfidenceNoteForm action={addConfidenceNoteAction.bind(null, claim.id)} evidence={evidence} />
    </article>
  );
}
