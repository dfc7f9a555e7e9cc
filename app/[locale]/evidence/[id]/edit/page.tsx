import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditEvidenceForm, RetractEvidenceForm } from '@/app/_components/edit-evidence-form';
import { requireEditorPage } from '@/app/_lib/auth';
import { getDb } from '@/lib/db';
import { getEvidenceRowOrThrow } from '@/lib/evidence/write';
import { figureFormValues } from '@/lib/numbers/form-values';
import { listSourceOptions } from '@/lib/sources/options';
import { retractEvidenceAction, updateEvidenceAction } from './actions';

export const metadata: Metadata = { title: 'Edit evidence', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditEvidencePage({ params }: Props) {
  const { id } = await params;
  const db = await getDb();
  await requireEditorPage(db, `/evidence/${id}/edit`);
  const row = await getEvidenceRowOrThrow(db, id).catch(() => null);
  if (!row) notFound();
  const initial: Record<string, string> = {
    sourceId: row.source_id,
    stance: row.stance,
    target: row.target,
    excerpt: row.excerpt,
    lang: row.lang,
    translation: row.translation ?? '',
    locator: row.locator ?? '',
    ...figureFormValues(row),
    asOf: row.as_of ?? '',
    note: row.note ?? '',
  };
  return (
    <article className="narrow">
      <p className="meta">
        <Link href={`/claims/${row.claim_id}#evidence-${row.id}`}>← back to the claim</Link> · <Link href={`/claims/${row.claim_id}/history`}>history</Link>
      </p>
      <h1>Edit evidence</h1>
      <p className="meta">
        <code>{row.id}</code>, revision {row.revision}, status {row.status}
        {row.retracted_at ? `, retracted (${row.retracted_reason ?? ''})` : ''}.
      </p>
      <EditEvidenceForm action={updateEvidenceAction.bind(null, row.id)} sources={await listSourceOptions(db)} initial={initial} revision={row.revision} />
      {row.retracted_at ? (
        <p className="meta">
          Retracted: restore an earlier version from the <Link href={`/claims/${row.claim_id}/history`}>history</Link>.
        </p>
      ) : (
        <section aria-labelledby="retract-heading">
          <h2 id="retract-heading">Retract</h2>
          <p className="meta">Retraction hides the entry from the claim; nothing is deleted, and it can be restored from the history.</p>
          <RetractEvidenceForm action={retractEvidenceAction.bind(null, row.id)} revision={row.revision} />
        </section>
      )}
    </article>
  );
}
