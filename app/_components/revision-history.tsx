import { useTranslations } from 'next-intl';
import type { RevisionEntry } from '@/lib/history/queries';
import { diffWords, displayValue } from '@/lib/history/word-diff';

// Shared by the claim history (/claims/[id]/history) and the source history (/sources/[id]/history).

// The words for fields and actions are in the catalogue (claimParts.revisions); a field or action
// it does not name is shown as stored.

/** The proposer's client key is for rate limiting, not for reading. */
function visibleChanges(r: RevisionEntry) {
  return r.changes.filter((c) => c.field !== 'proposed_by');
}

function Change({ field, before, after }: RevisionEntry['changes'][number]) {
  const t = useTranslations('claimParts.revisions');
  const a = displayValue(before);
  const b = displayValue(after);
  return (
    <div className="change">
      <dt>{t.has(`fields.${field}`) ? t(`fields.${field}` as 'fields.cites') : field}</dt>
      <dd>
        {typeof before === 'string' && typeof after === 'string' ? (
          <span className="diff">
            {diffWords(a, b).map((p, i) =>
              p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <ins key={i}>{p.text}</ins>,
            )}
          </span>
        ) : (
          <span className="diff">
            {a ? <del>{a}</del> : <span className="meta">{t('empty')}</span>} → {b ? <ins>{b}</ins> : <span className="meta">{t('empty')}</span>}
          </span>
        )}
      </dd>
    </div>
  );
}

/** "edited by x on 2026-01-02 10:00": what was done, by whom, when. */
export function RevisionByline({ entry }: { entry: RevisionEntry }) {
  const t = useTranslations('claimParts.revisions');
  const action = t.has(`actions.${entry.action}`) ? t(`actions.${entry.action}` as 'actions.create') : entry.action;
  return (
    <>
      {t.rich('byline', {
        action,
        actor: entry.actor,
        at: entry.at.slice(0, 16).replace('T', ' '),
        who: (chunks) => <span className="actor">{chunks}</span>,
        time: (chunks) => <time dateTime={entry.at}>{chunks}</time>,
      })}
    </>
  );
}

/** Which entry (its label), the reason given, and a word-by-word diff of the fields that changed. */
export function RevisionDetails({ entry }: { entry: RevisionEntry }) {
  const t = useTranslations('claimParts.revisions');
  const changes = visibleChanges(entry);
  return (
    <>
      <p className="meta label" lang="und">
        {entry.label.length > 160 ? `${entry.label.slice(0, 160)}…` : entry.label}
      </p>
      {entry.reason ? <p className="meta">{t.rich('reason', { reason: entry.reason, bdi: (chunks) => <bdi>{chunks}</bdi> })}</p> : null}
      {changes.length ? (
        <details open={changes.length <= 4}>
          <summary>
            {t('changed', { count: changes.length })}
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
