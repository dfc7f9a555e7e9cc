import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getSessionActor } from '../../../_lib/auth';
import { getClaimSummary } from '@/lib/claims/queries';
import { getDb } from '@/lib/db';
import { listEvidenceStates } from '@/lib/evidence/current';
import { listClaimHistory, type RevisionEntry } from '@/lib/history/queries';
import { diffWords, displayValue } from '@/lib/history/word-diff';
import { restoreEvidenceAction } from './actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await getClaimSummary(await getDb(), id);
  return { title: claim ? `History: ${claim.title}` : 'Claim not found', robots: { index: false } };
}

const FIELD_LABELS: Record<string, string> = {
  source_id: 'source',
  as_of: 'as of',
  retracted_at: 'retracted at',
  retracted_reason: 'retraction reason',
  reviewed_by: 'reviewed by',
  reviewed_at: 'reviewed at',
  review_reason: 'review reason',
  evidence_ids: 'based on evidence',
};

const ACTION_LABELS: Record<string, string> = {
  create: 'created',
  propose: 'proposed',
  update: 'edited',
  retract: 'retracted',
  restore: 'restored',
  accept: 'accepted',
  reject: 'rejected',
  'merge-source': 'moved to a merged source',
  'seed-insert': 'added from seed data',
  'seed-update': 'updated from seed data',
};

/** The proposer's client key is for rate limiting, not for reading. */
function visibleChanges(r: RevisionEntry) {
  return r.changes.filter((c) => c.field !== 'proposed_by');
}

function Change({ field, before, after }: RevisionEntry['changes'][number]) {
  const a = displayValue(before);
  const b = displayValue(after);
  return (
    <div className="change">
      <dt>{FIELD_LABELS[field] ?? field}</dt>
      <dd>
        {typeof before === 'string' && typeof after === 'string' ? (
          <span className="diff">
            {diffWords(a, b).map((p, i) =>
              p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <ins key={i}>{p.text}</ins>,
            )}
          </span>
        ) : (
          <span className="diff">
            {a ? <del>{a}</del> : <span className="meta">(empty)</span>} → {b ? <ins>{b}</ins> : <span className="meta">(empty)</span>}
          </span>
        )}
      </dd>
    </div>
  );
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
  const history = (await listClaimHistory(db, id)).filter(
    (r) => actor || r.entityType !== 'evidence' || states.get(r.entityId)?.status === 'accepted',
  );

  return (
    <article>
      <p className="meta">
        <Link href={`/claims/${claim.id}`}>← {claim.title}</Link>
      </p>
      <h1>History</h1>
      <p className="meta">
        Every change to this claim’s evidence and confidence notes, newest first: who made it, when, and what changed. Nothing is deleted; a retracted
        entry keeps its history{actor ? ', and any earlier version can be restored (the restore is itself a new revision).' : '.'}
      </p>
      {typeof sp.error === 'string' ? (
        <p className="form-error" role="alert">
          {sp.error}
        </p>
      ) : null}
      {typeof sp.restored === 'string' ? (
        <p className="form-ok" role="status">
          Restored {sp.restored} as revision {String(sp.revision ?? '')}.
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
                <strong>{r.entityType === 'evidence' ? 'Evidence' : 'Confidence note'}</strong> <code>{r.entityId}</code> revision {r.revision}:{' '}
                {ACTION_LABELS[r.action] ?? r.action} by <span className="actor">{r.actor}</span> on{' '}
                <time dateTime={r.at}>{r.at.slice(0, 16).replace('T', ' ')}</time>
                {state?.retracted ? <span className="badge"> retracted now</span> : null}
              </p>
              <p className="meta label" lang="und">
                {r.label.length > 160 ? `${r.label.slice(0, 160)}…` : r.label}
              </p>
              {r.reason ? <p className="meta">Reason: {r.reason}</p> : null}
              {visibleChanges(r).length ? (
                <details open={visibleChanges(r).length <= 4}>
                  <summary>
                    {visibleChanges(r).length} field{visibleChanges(r).length === 1 ? '' : 's'} changed
                  </summary>
                  <dl className="changes">
                    {visibleChanges(r).map((c) => (
                      <Change key={c.field} {...c} />
                    ))}
                  </dl>
                </details>
              ) : null}
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
    </article>
  );
}
