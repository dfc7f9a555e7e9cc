import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { EditSourceForm, MergeSourceForm } from '@/app/_components/edit-source-form';
import { requireEditorPage } from '@/app/_lib/auth';
import { sourceTypeLabels } from '@/app/_lib/form-labels';
import { getDb } from '@/lib/db';
import { formatCitationLines, formatCopies } from '@/lib/forms/form-data';
import { parseCitations, toCitationRecord } from '@/lib/sources/citations';
import { listSourceOptions } from '@/lib/sources/options';
import { getSourceRowOrThrow } from '@/lib/sources/write';
import { mergeSourceAction, updateSourceAction } from './actions';
import { parseCopies, parseStringList } from '@/lib/shared/json-columns';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('editorial'))('editSource.title'), robots: { index: false } };
}

export default async function EditSourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  await requireEditorPage(db, `/sources/${id}/edit`);
  const row = await getSourceRowOrThrow(db, id).catch(() => null);
  if (!row) notFound();
  const initial: Record<string, string> = {
    title: row.title,
    url: row.url ?? '',
    publisher: row.publisher ?? '',
    publishedAt: row.published ?? '',
    type: row.type,
    lang: row.lang,
    authors: parseStringList(row.authors).join('\n'),
    reliability: row.reliability,
    reliabilityReason: row.reliability_reason,
    verified: row.is_verified ? 'on' : '',
    copies: formatCopies(parseCopies(row.copies)),
    cites: formatCitationLines(parseCitations(row.cites).map(toCitationRecord)),
  };
  const others = (await listSourceOptions(db)).filter((s) => s.id !== row.id);
  const [t, forms] = await Promise.all([getTranslations('editorial'), getTranslations('forms')]);
  const raw = (key: string) => String(forms.raw(key));
  const labels = {
    conflict: raw('editSource.conflict'),
    conflictAfter: forms('editSource.conflictAfter'),
    title: forms('editSource.title'),
    url: forms('editSource.url'),
    publisher: forms('editSource.publisher'),
    published: forms('editSource.published'),
    type: forms('editSource.type'),
    types: sourceTypeLabels(forms),
    lang: forms('editSource.lang'),
    authors: forms('editSource.authors'),
    reliability: forms('editSource.reliability'),
    verified: forms('editSource.verified'),
    reliabilityReason: forms('editSource.reliabilityReason'),
    copies: forms('editSource.copies'),
    cites: forms('editSource.cites'),
    citesLine: raw('editSource.citesLine'),
    saving: forms('editSource.saving'),
    save: forms('editSource.save'),
  };
  const historyLink = (chunk: ReactNode) => <Link href={`/sources/${row.id}/history`}>{chunk}</Link>;
  return (
    <article className="narrow">
      <p className="meta">
        <Link href={`/sources/${row.id}`}>← <bdi>{row.title}</bdi></Link>
      </p>
      <h1>{t('editSource.heading')}</h1>
      <p className="meta">
        {t.rich(row.origin === 'seed' ? 'editSource.stateSeed' : 'editSource.state', { code: (chunk) => <code>{chunk}</code>, id: row.id, revision: String(row.revision) })}{' '}
        {t.rich('editSource.history', { link: historyLink })}
      </p>
      {row.merged_into ? (
        <p className="notice">{t.rich('editSource.merged', { link: (chunk) => <Link href={`/sources/${row.merged_into}`}>{chunk}</Link>, into: row.merged_into })}</p>
      ) : null}
      <EditSourceForm action={updateSourceAction.bind(null, row.id)} initial={initial} revision={row.revision} labels={labels} />
      {row.merged_into ? null : (
        <section aria-labelledby="merge-heading">
          <h2 id="merge-heading">{t('editSource.merge')}</h2>
          <p className="meta">{t.rich('editSource.mergeHelp', { link: historyLink })}</p>
          <MergeSourceForm
            action={mergeSourceAction.bind(null, row.id)}
            sources={others}
            labels={{ into: forms('merge.into'), reason: forms('merge.reason'), submit: forms('merge.submit') }}
          />
        </section>
      )}
    </article>
  );
}
