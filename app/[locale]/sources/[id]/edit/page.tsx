import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EditSourceForm, MergeSourceForm } from '@/app/_components/edit-source-form';
import { requireEditorPage } from '@/app/_lib/auth';
import { getDb } from '@/lib/db';
import { formatCitationLines, formatCopies } from '@/lib/forms/form-data';
import { parseCitations, toCitationRecord } from '@/lib/sources/citations';
import { listSourceOptions } from '@/lib/sources/options';
import { getSourceRowOrThrow } from '@/lib/sources/write';
import { mergeSourceAction, updateSourceAction } from './actions';
import { parseCopies, parseStringList } from '@/lib/shared/json-columns';

export const metadata: Metadata = { title: 'Edit source', robots: { index: false } };

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
  return (
    <article className="narrow">
      <p className="meta">
        <Link href={`/sources/${row.id}`}>← <bdi>{row.title}</bdi></Link>
      </p>
      <h1>Edit source</h1>
      <p className="meta">
        <code>{row.id}</code>, revision {row.revision}
        {row.origin === 'seed' ? '; from seed data (an edit here is kept: ingest no longer updates this row)' : ''}.{' '}
        <Link href={`/sources/${row.id}/history`}>History</Link> (every earlier version, which you can restore).
      </p>
      {row.merged_into ? (
        <p className="notice">
          Merged into <Link href={`/sources/${row.merged_into}`}>{row.merged_into}</Link>.
        </p>
      ) : null}
      <EditSourceForm action={updateSourceAction.bind(null, row.id)} initial={initial} revision={row.revision} />
      {row.merged_into ? null : (
        <section aria-labelledby="merge-heading">
          <h2 id="merge-heading">Merge into another source</h2>
          <p className="meta">
            When two records are the same document: this one’s evidence moves to the other; both records stay, linked, and the merge is recorded in the{' '}
            <Link href={`/sources/${row.id}/history`}>source’s history</Link>.
          </p>
          <MergeSourceForm action={mergeSourceAction.bind(null, row.id)} sources={others} />
        </section>
      )}
    </article>
  );
}
