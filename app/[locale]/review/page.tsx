import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { actionErrorMessage, type ActionErrorCode } from '@/app/_lib/action-errors';
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('editorial'))('review.title'), robots: { index: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ searchParams }: Props) {
  const db = await getDb();
  const editor = await requireEditorPage(db, '/review');
  const sp = await searchParams;
  const { query, ignored } = parsePageParams(reviewQueueQuerySchema, { cursor: sp.cursor });
  const page = await withCursorOrFirstPage(query, ignored, (q) => listPendingProposals(db, q));
  const proposals = page.items;
  const quotes = await listQuotesNeedingReview(db);
  const [t, forms, stances] = await Promise.all([getTranslations('editorial'), getTranslations('forms'), getTranslations('stances')]);
  // The query string carries codes, never text: each maps to a fixed message, here in the reader's language.
  const e = (code: ActionErrorCode | 'generic') => t(`review.errors.${code}`, { max: String(LIMITS.reason) });
  const messages: Record<ActionErrorCode, string> = {
    precondition_failed: e('precondition_failed'),
    precondition_required: e('precondition_required'),
    not_found: e('not_found'),
    conflict: e('conflict'),
    invalid: e('invalid'),
    forbidden: e('forbidden'),
    unauthorized: e('unauthorized'),
    unavailable: e('unavailable'),
    reason_required: e('reason_required'),
    reason_too_long: e('reason_too_long'),
    reason_invalid: e('reason_invalid'),
  };
  const known = actionErrorMessage(sp.error, messages);
  // Every code has its message above: anything else actionErrorMessage answers is its generic one.
  const error = known === null ? null : Object.values(messages).includes(known) ? known : e('generic');
  const done = sp.done === 'accepted' || sp.done === 'rejected' ? sp.done : null;

  return (
    <article>
      <h1>{t('review.heading')}</h1>
      <p className="meta">{t('review.intro', { email: editor.email })}</p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="form-ok" role="status">
          {t(done === 'accepted' ? 'review.accepted' : 'review.rejected')}
        </p>
      ) : null}
      {proposals.length === 0 ? (
        <p>{t('review.none')}</p>
      ) : (
        <CountLine total={page.total} lowerBound={page.totalIsLowerBound} one={t('review.countOne')} many={t('review.countMany')} />
      )}
      <ol className="proposals">
        {proposals.map((p) => (
          <li key={p.id} id={`proposal-${p.id}`} className="proposal">
            <p className="meta">
              {t.rich('review.proposed', {
                link: (chunk) => <Link href={`/claims/${p.claimId}`}>{chunk}</Link>,
                time: (chunk) => <time dateTime={p.createdAt}>{chunk}</time>,
                badge: (chunk) => <span className={`badge stance stance-${p.stance}`}>{chunk}</span>,
                title: p.claimTitle,
                at: p.createdAt.slice(0, 16).replace('T', ' '),
                stance: stances.has(p.stance) ? stances(p.stance) : p.stance,
                target: forms.has(`targets.${p.target}`) ? forms(`targets.${p.target}`) : p.target,
              })}
            </p>
            <blockquote lang={p.lang} dir="auto">{p.excerpt}</blockquote>
            {p.translation ? <p className="translation">{p.translation}</p> : null}
            <p className="meta">
              {t('review.source')}{' '}
              {p.source.pending ? (
                <>
                  <strong><bdi>{p.source.title}</bdi></strong> {t('review.newSource')}
                </>
              ) : (
                <Link href={`/sources/${p.source.id}`}><bdi>{p.source.title}</bdi></Link>
              )}
              {p.source.publisher ? ` · ${p.source.publisher}` : ''}
              {p.source.published ? ` · ${p.source.published}` : ''}
              {p.source.url ? <> · <span className="url">{p.source.url}</span></> : null}
              {p.locator ? ` · ${p.locator}` : ''}
              {p.value !== null
                ? `${t('review.value', { value: `${p.value}${p.unit ? ` ${p.unit}` : ''}` })}${p.asOf ? t('review.asOf', { date: p.asOf }) : ''}`
                : ''}
            </p>
            {p.note ? <div className="evidence-note" dir="auto">{renderNoteMarkdown(p.note)}</div> : null}
            <form action={reviewProposalAction} className="review-form">
              <input type="hidden" name="id" value={p.id} />
              <label htmlFor={`reason-${p.id}`}>{t('review.reason')}</label>
              <textarea id={`reason-${p.id}`} name="reason" rows={2} maxLength={LIMITS.reason} />
              <p>
                <button type="submit" name="decision" value="accept">
                  {t('review.accept')}
                </button>{' '}
                <button type="submit" name="decision" value="reject">
                  {t('review.reject')}
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
