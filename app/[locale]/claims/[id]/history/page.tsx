import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { RevisionByline, RevisionDetails } from '@/app/_components/revision-history';
import { Pagination } from '@/app/_components/pagination';
import { actionErrorMessage } from '@/app/_lib/action-errors';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { getSessionActor } from '@/app/_lib/auth';
import { getClaimSummary } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { listEvidenceStates } from '@/lib/evidence/current';
import { historyQuerySchema, listClaimHistory } from '@/lib/history/queries';
import { restoreEvidenceAction } from './actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await getClaimSummary(await getDb(), id);
  const t = await getTranslations('claimParts');
  return { title: claim ? t('history.title', { title: claim.title }) : t('page.notFoundTitle'), robots: { index: false } };
}

export default async function ClaimHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const t = await getTranslations('claimParts.history');
  const db = await getDb();
  const claim = await getClaimSummary(db, id);
  if (!claim) notFound();
  const actor = await getSessionActor(db);
  const sp = await searchParams;
  const states = await listEvidenceStates(db, id);
  // Proposals (and rejected ones) are not public: readers see the history of accepted evidence only.
  const { query, ignored } = parsePageParams(historyQuerySchema, { cursor: sp.cursor });
  const page = await withCursorOrFirstPage(query, ignored, (q) => listClaimHistory(db, id, { ...q, publicOnly: !actor }));
  const history = page.items;
  // Only codes and known ids from the query string reach the page: a crafted link cannot put its own words here.
  const error = actionErrorMessage(sp.error);
  const restored = typeof sp.restored === 'string' && states.has(sp.restored) && typeof sp.revision === 'string' && /^\d{1,9}$/.test(sp.revision) ? { id: sp.restored, revision: sp.revision } : null;

  return (
    <article>
      <p className="meta">
        <Link href={`/claims/${claim.id}`}>← <bdi>{claim.title}</bdi></Link>
      </p>
      <h1>{t('heading')}</h1>
      <p className="meta">{t(actor ? 'introEditor' : 'intro')}</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {restored ? (
        <p className="form-ok" role="status">
          {t('restored', { id: restored.id, revision: restored.revision })}
        </p>
      ) : null}
      {history.length === 0 ? <p>{t('empty')}</p> : null}
      <ol className="history">
        {history.map((r) => {
          const state = r.entityType === 'evidence' ? states.get(r.entityId) : undefined;
          const canRestore = actor && state && r.revision < state.revision;
          return (
            <li key={r.id} id={`rev-${r.id}`} className="revision">
              <p>
                {t.rich('entry', {
                  entity: t(`entities.${r.entityType}`),
                  id: r.entityId,
                  revision: r.revision,
                  strong: (chunks) => <strong>{chunks}</strong>,
                  code: (chunks) => <code>{chunks}</code>,
                })}
                <RevisionByline entry={r} />
                {state?.retracted ? <span className="badge">{t('retractedNow')}</span> : null}
              </p>
              <RevisionDetails entry={r} />
              {canRestore ? (
                <form action={restoreEvidenceAction} className="inline-form">
                  <input type="hidden" name="claimId" value={claim.id} />
                  <input type="hidden" name="evidenceId" value={r.entityId} />
                  <input type="hidden" name="revision" value={r.revision} />
                  <input type="hidden" name="currentRevision" value={state.revision} />
                  <button type="submit">{t('restore')}</button>
                </form>
              ) : null}
              {actor && state && r.revision === state.revision && state.status === 'accepted' && !state.retracted ? (
                <p className="editor-tools">
                  <Link href={`/evidence/${r.entityId}/edit`}>{t('editOrRetract')}</Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Pagination basePath={`/claims/${claim.id}/history`} params={{}} next={page.next} prev={page.prev} />
    </article>
  );
}
