import type { Metadata } from 'next';
import Link from 'next/link';
import { actionErrorMessage } from '@/app/_lib/action-errors';
import { requireEditorPage } from '@/app/_lib/auth';
import { getDb } from '@/lib/db';
import { LIMITS } from '@/lib/evidence/input';
import { renderNoteMarkdown } from '@/lib/evidence/note-markdown';
import { listPendingProposals, reviewQueueQuerySchema } from '@/lib/evidence/proposals';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { QuotesNeedingReview } from '@/app/_components/quotes-needing-review';
import { listQuotesNeedingReview } from '@/lib/quotes/queries';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { reviewProposalAction } from './actions';

export const metadata: Metadata = { title: 'Review proposals', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ searchParams }: Props) {
  const db = await getDb();
  const editor = await requireEditorPage(db, '/review');
  const sp = await searchParams;
  const { query, ignored } = parsePageParams(reviewQueueQuerySchema, { cursor: sp.cursor });
  const page = await withCursorOrFirstPage(query, ignored, (q) => listPendingProposals(db, q));
  const proposals = page.items;
  const quotes = await listQuotesNeedingReview(db);
  // The query string carries codes, never text: each maps to a fixed message.
  const error = actionErrorMessage(sp.error, { conflict: 'That proposal was already decided: nothing was changed.', not_found: 'That proposal no longer exists.',
    reason_required: 'Say why the proposal is rejected: a rejection needs a reason.',
  });
  const done = sp.done === 'accepted' || sp.done === 'rejected' ? sp.done : null;

  return (
    <article>
      <h1>Proposals awaiting review</h1>
      <p className="meta">
        Signed in as {editor.email}. Evidence proposed without an account counts nowhere until an editor accepts it; a rejection needs a reason. Both are
        kept in the claim’s history.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="form-ok" role="status">
          Proposal {done}.
        </p>
      ) : null}
      {proposals.length === 0 ? <p>No proposals are waiting.</p> : <CountLine total={page.total} lowerBound={page.totalIsLowerBound} one="proposal waiting" many="proposals waiting" />}
      <ol className="proposals">
        {proposals.map((p) => (
          <li key={p.id} id={`proposal-${p.id}`} className="proposal">
            <p className="meta">
              <Link href={`/claims/${p.claimId}`}>{p.claimTitle}</Link> · proposed <time dateTime={p.createdAt}>{p.createdAt.slice(0, 16).replace('T', ' ')}</time> ·{' '}
              <span className={`badge stance stance-${p.stance}`}>{p.stance}</span> · bears on {p.target}
            </p>
            <blockquote lang={p.lang} dir="auto">{p.excerpt}</blockquote>
            {p.translation ? <p className="translation">{p.translation}</p> : null}
            <p className="meta">
              Source:{' '}
              {p.source.pending ? (
                <>
                  <strong><bdi>{p.source.title}</bdi></strong> (new, accepted with this proposal)
                </>
              ) : (
                <Link href={`/sources/${p.source.id}`}><bdi>{p.source.title}</bdi></Link>
              )}
              {p.source.publisher ? ` · ${p.source.publisher}` : ''}
              {p.source.published ? ` · ${p.source.published}` : ''}
              {p.source.url ? <> · <span className="url">{p.source.url}</span></> : null}
              {p.locator ? ` · ${p.locator}` : ''}
              {p.value !== null ? ` · value ${p.value}${p.unit ? ` ${p.unit}` : ''}${p.asOf ? ` (as of ${p.asOf})` : ''}` : ''}
            </p>
            {p.note ? <div className="evidence-note" dir="auto">{renderNoteMarkdown(p.note)}</div> : null}
            <form action={reviewProposalAction} className="review-form">
              <input type="hidden" name="id" value={p.id} />
              <label htmlFor={`reason-${p.id}`}>Reason (required to reject)</label>
              <textarea id={`reason-${p.id}`} name="reason" rows={2} maxLength={LIMITS.reason} />
              <p>
                <button type="submit" name="decision" value="accept">
                  Accept
                </button>{' '}
                <button type="submit" name="decision" value="reject">
                  Reject
                </button>
              </p>
            </form>
          </li>
        ))}
      </ol>
      <Pagination basePath="/review" params={{}} next={page.next} prev={page.prev} />
      <QuotesNeedingReview items={quotes.items} total={quotes.total} />
    </article>
  );
}
