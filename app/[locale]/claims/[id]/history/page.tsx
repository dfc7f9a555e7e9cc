import type { Metadata } from 'next';
import Link from 'next/link';
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

const ENTITY_LABELS = { claim: 'The claim file', evidence: 'Evidence', confidence_note: 'Confidence note', source: 'Source', capture: 'Archived copy' } as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await getClaimSummary(await getDb(), id);
  return { title: claim ? `History: ${claim.title}` : 'Claim not found', robots: { index: false } };
}

export default async function ClaimHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
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
      <h1>History</h1>
      <p className="meta">
        Every change to this claim, its evidence and its confidence notes, newest first: who made it, when, and what changed (a change to the claim
        file names the ingest and, where known, the git commit). Nothing is deleted; a retracted
        entry keeps its history{actor ? ', and any earlier version can be restored (the restore is itself a new revision).' : '.'}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {restored ? (
        <p className="form-ok" role="status">
          Restored {restored.id} as revision {restored.revision}.
        </p>
      ) : null}
      {history.length === 0 ? <p>No changes recorded yet.</p> : null}
      <ol className="history">
        {history.map((r) => {
          const state = r.entityType === 'evidence' ? states.get(r.entityId) : undefined;
          const canRestore = actor && state && r.revision < state.revision;
          return (
            <li key={r.id} id={`rev-${r.id}`} className="revision">
              <p>
                <strong>{ENTITY_LABELS[r.entityType]}</strong> <code>{r.entityId}</code> revision {r.revision}:{' '}
                <RevisionByline entry={r} />
                {state?.retracted ? <span className="badge"> retracted now</span> : null}
              </p>
              <RevisionDetails entry={r} />
              {canRestore ? (
                <form action={restoreEvidenceAction} className="inline-form">
                  <input type="hidden" name="claimId" value={claim.id} />
                  <input type="hidden" name="evidenceId" value={r.entityId} />
                  <input type="hidden" name="revision" value={r.revision} />
                  <input type="hidden" name="currentRevision" value={state.revision} />
                  <button type="submit">Restore this version</button>
                </form>
              ) : null}
              {actor && state && r.revision === state.revision && state.status === 'accepted' && !state.retracted ? (
                <p className="editor-tools">
                  <Link href={`/evidence/${r.entityId}/edit`}>Edit or retract</Link>
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
