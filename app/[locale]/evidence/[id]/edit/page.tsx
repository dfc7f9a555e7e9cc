import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { EditEvidenceForm, RetractEvidenceForm } from '@/app/_components/edit-evidence-form';
import { requireEditorPage } from '@/app/_lib/auth';
import { editEvidenceLabels, retractEvidenceLabels } from '@/app/_lib/form-labels';
import { getDb } from '@/lib/db';
import { getEvidenceRowOrThrow } from '@/lib/evidence/write';
import { figureFormValues } from '@/lib/numbers/form-values';
import { listSourceOptions } from '@/lib/sources/options';
import { retractEvidenceAction, updateEvidenceAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('editorial'))('editEvidence.title'), robots: { index: false } };
}

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
  const [t, forms, stances] = await Promise.all([getTranslations('editorial'), getTranslations('forms'), getTranslations('stances')]);
  return (
    <article className="narrow">
      <p className="meta">
        <Link href={`/claims/${row.claim_id}#evidence-${row.id}`}>{t('editEvidence.back')}</Link> · <Link href={`/claims/${row.claim_id}/history`}>{t('editEvidence.history')}</Link>
      </p>
      <h1>{t('editEvidence.heading')}</h1>
      <p className="meta">
        {t.rich(row.retracted_at ? 'editEvidence.stateRetracted' : 'editEvidence.state', {
          code: (chunk) => <code>{chunk}</code>,
          id: row.id,
          revision: String(row.revision),
          status: row.status,
          reason: row.retracted_reason ?? '',
        })}
      </p>
      <EditEvidenceForm
        action={updateEvidenceAction.bind(null, row.id)}
        sources={await listSourceOptions(db)}
        initial={initial}
        revision={row.revision}
        labels={editEvidenceLabels(forms, stances)}
      />
      {row.retracted_at ? (
        <p className="meta">{t.rich('editEvidence.retracted', { link: (chunk) => <Link href={`/claims/${row.claim_id}/history`}>{chunk}</Link> })}</p>
      ) : (
        <section aria-labelledby="retract-heading">
          <h2 id="retract-heading">{t('editEvidence.retract')}</h2>
          <p className="meta">{t('editEvidence.retractHelp')}</p>
          <RetractEvidenceForm action={retractEvidenceAction.bind(null, row.id)} revision={row.revision} labels={retractEvidenceLabels(forms)} />
        </section>
      )}
    </article>
  );
}
