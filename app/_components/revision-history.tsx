import type { RevisionEntry } from '@/lib/history/queries';
import { diffWords, displayValue } from '@/lib/history/word-diff';

// Shared by the claim history (/claims/[id]/history) and the source history (/sources/[id]/history).

const FIELD_LABELS: Record<string, string> = {
  // evidence and confidence notes
  source_id: 'source',
  as_of: 'as of',
  retracted_at: 'retracted at',
  retracted_reason: 'retraction reason',
  reviewed_by: 'reviewed by',
  reviewed_at: 'reviewed at',
  review_reason: 'review reason',
  evidence_ids: 'based on evidence',
  // sources
  reliability_reason: 'reliability reason',
  is_verified: 'verified',
  merged_into: 'merged into',
  created_by: 'created by',
  cites: 'cites',
};

const ACTION_LABELS: Record<string, string> = {
  create: 'created',
  propose: 'proposed',
  update: 'edited',
  retract: 'retracted',
  restore: 'restored',
  accept: 'accepted',
  reject: 'rejected',
  merge: 'merged into another source',
  'merge-source': 'moved to a merged source',
  'seed-insert': 'added from seed data',
  'seed-update': 'updated from seed data',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

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

/** "edited by x on 2026-01-02 10:00": what was done, by whom, when. */
export function RevisionByline({ entry }: { entry: RevisionEntry }) {
  return (
    <>
      {actionLabel(entry.action)} by <span className="actor">{entry.actor}</span> on <time dateTime={entry.at}>{entry.at.slice(0, 16).replace('T', ' ')}</time>
    </>
  );
}

/** Which entry (its label), the reason given, and a word-by-word diff of the fields that changed. */
export function RevisionDetails({ entry }: { entry: RevisionEntry }) {
  const changes = visibleChanges(entry);
  return (
    <>
      <p className="meta label" lang="und">
        {entry.label.length > 160 ? `${entry.label.slice(0, 160)}…` : entry.label}
      </p>
      {entry.reason ? <p className="meta">Reason: <bdi>{entry.reason}</bdi></p> : null}
      {changes.length ? (
        <details open={changes.length <= 4}>
          <summary>
            {changes.length} field{changes.length === 1 ? '' : 's'} changed
          </summary>
          <dl className="changes">
            {changes.map((c) => (
              <Change key={c.field} {...c} />
            ))}
          </dl>
        </details>
      ) : null}
    </>
  );
}
