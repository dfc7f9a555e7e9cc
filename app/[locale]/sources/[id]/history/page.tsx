import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RevisionByline, RevisionDetails } from '@/app/_components/revision-history';
import { actionErrorMessage } from '@/app/_lib/action-errors';
import { getSessionActor } from '@/app/_lib/auth';
import { getDb } from '@/lib/db';
import { historyQuerySchema, listSourceHistory } from '@/lib/history/queries';
import { Pagination } from '@/app/_components/pagination';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { restoreSourceAction } from './actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function getVisibleSource(id: string, signedIn: boolean) {
  const row = await (await getDb()).selectFrom('source').select(['id', 'title', 'revision', 'status', 'merged_into']).where('id', '=', id).executeTakeFirst();
  // A source resting only on an unreviewed proposal is not public (as on its page); editors see it.
  return row && (row.status === 'accepted' || signedIn) ? row : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const source = await getVisibleSource(id, (await getSessionActor(await getDb())) !== null);
  return { title: source ? `History: ${source.title}` : 'Source not found', robots: { index: false } };
}

export default async function SourceHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const db = await getDb();
  const actor = await getSessionActor(db);
  const source = await getVisibleSource(id, actor !== null);
  if (!source) notFound();
  const sp = await searchParams;
  const { query, ignored } = parsePageParams(historyQuerySchema, { cursor: sp.cursor });
  const page = await withCursorOrFirstPage(query, ignored, (q) => listSourceHistory(db, source.id, q));
  const history = page.items;
  // Only a code and a number from the query string reach the page: a crafted link cannot put its own words here.
  const error = actionErrorMessage(sp.error, {
    conflict: 'That version is already the current one: nothing was changed.',
    not_found: 'That source or version no longer exists.',
  });
  const restored = typeof sp.restored === 'string' && /^\d{1,9}$/.test(sp.restored) ? sp.restored : null;

  return (
    <article>
      <p className="meta">
        <Link href={`/sources/${source.id}`}>← <bdi>{source.title}</bdi></Link>
      </p>
      <h1>Source history</h1>
      <p className="meta">
        Every change to this source record, newest first: who made it, when, and what changed (metadata, reliability grade and reason, verification,
        copies, a merge). Nothing is deleted
        {actor
          ? '; any earlier version of its metadata can be restored (the restore is itself a new revision; a merge and the review status are not undone).'
          : '.'}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {restored ? (
        <p className="form-ok" role="status">
          Restored as revision {restored}.
        </p>
      ) : null}
      {history.length === 0 ? <p>No changes recorded yet.</p> : null}
      <ol className="history">
        {history.map((r) => (
          <li key={r.id} id={`rev-${r.id}`} className="revision">
            <p>
              <strong>Revision {r.revision}</strong>: <RevisionByline entry={r} />
              {r.revision === source.revision ? <span className="badge"> current</span> : null}
            </p>
            <RevisionDetails entry={r} />
            {actor && r.revision < source.revision ? (
              <form action={restoreSourceAction} className="inline-form">
                <input type="hidden" name="sourceId" value={source.id} />
                <input type="hidden" name="revision" value={r.revision} />
                <input type="hidden" name="currentRevision" value={source.revision} />
                <button type="submit">Restore this version</button>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination basePath={`/sources/${source.id}/history`} params={{}} next={page.next} prev={page.prev} />
      {actor ? (
        <p className="editor-tools">
          <Link href={`/sources/${source.id}/edit`}>Edit or merge this source</Link>
        </p>
      ) : null}
    </article>
  );
}
