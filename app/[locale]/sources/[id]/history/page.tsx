import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RevisionByline, RevisionDetails } from '@/app/_components/revision-history';
import { actionErrorMessage, type ActionErrorCode } from '@/app/_lib/action-errors';
import { getSessionActor } from '@/app/_lib/auth';
import { getDb } from '@/lib/db';
import { LIMITS } from '@/lib/evidence/limits';
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
  const t = await getTranslations('pages.sourceHistory');
  return { title: source ? t('title', { title: source.title }) : t('notFound'), robots: { index: false } };
}

export default async function SourceHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const t = await getTranslations('pages.sourceHistory');
  const db = await getDb();
  const actor = await getSessionActor(db);
  const source = await getVisibleSource(id, actor !== null);
  if (!source) notFound();
  const sp = await searchParams;
  const { query, ignored } = parsePageParams(historyQuerySchema, { cursor: sp.cursor });
  const page = await withCursorOrFirstPage(query, ignored, (q) => listSourceHistory(db, source.id, q));
  const history = page.items;
  // Only a code and a number from the query string reach the page: a crafted link cannot put its own words here.
  const messages: Record<ActionErrorCode, string> = {
    precondition_failed: t('errors.precondition_failed'),
    precondition_required: t('errors.precondition_required'),
    not_found: t('errors.not_found'),
    conflict: t('errors.conflict'),
    invalid: t('errors.invalid'),
    forbidden: t('errors.forbidden'),
    unauthorized: t('errors.unauthorized'),
    unavailable: t('errors.unavailable'),
    reason_required: t('errors.reason_required'),
    reason_too_long: t('errors.reason_too_long', { max: String(LIMITS.reason) }),
    reason_invalid: t('errors.reason_invalid'),
  };
  const message = actionErrorMessage(sp.error, messages);
  // Any text that is not a code gets the generic message (actionErrorMessage of a non-code is that message).
  const error = message !== null && message === actionErrorMessage('') ? t('errors.generic') : message;
  const restored = typeof sp.restored === 'string' && /^\d{1,9}$/.test(sp.restored) ? sp.restored : null;

  return (
    <article>
      <p className="meta">
        <Link href={`/sources/${source.id}`}>← <bdi>{source.title}</bdi></Link>
      </p>
      <h1>{t('heading')}</h1>
      <p className="meta">{actor ? t('introEditor') : t('intro')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {restored ? (
        <p className="form-ok" role="status">
          {t('restored', { revision: restored })}
        </p>
      ) : null}
      {history.length === 0 ? <p>{t('none')}</p> : null}
      <ol className="history">
        {history.map((r) => (
          <li key={r.id} id={`rev-${r.id}`} className="revision">
            <p>
              <strong>{t('revision', { revision: String(r.revision) })}</strong>: <RevisionByline entry={r} />
              {r.revision === source.revision ? <span className="badge"> {t('current')}</span> : null}
            </p>
            <RevisionDetails entry={r} />
            {actor && r.revision < source.revision ? (
              <form action={restoreSourceAction} className="inline-form">
                <input type="hidden" name="sourceId" value={source.id} />
                <input type="hidden" name="revision" value={r.revision} />
                <input type="hidden" name="currentRevision" value={source.revision} />
                <button type="submit">{t('restore')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination basePath={`/sources/${source.id}/history`} params={{}} next={page.next} prev={page.prev} />
      {actor ? (
        <p className="editor-tools">
          <Link href={`/sources/${source.id}/edit`}>{t('edit')}</Link>
        </p>
      ) : null}
    </article>
  );
}
