import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CiteMenu } from '@/app/_components/cite-menu';
import { ClaimNumbers } from '@/app/_components/claim-numbers';
import { ClaimPassages } from '@/app/_components/claim-passages';
import { ConfidenceMeter } from '@/app/_components/confidence-meter';
import { EditorOnly } from '@/app/_components/editor-only';
import { NeedsReviewBadge } from '@/app/_components/needs-review-badge';
import { LineageGraph } from '@/app/_components/lineage-graph';
import { LineageConfidence, LineageEvidenceGroups } from '@/app/_components/lineage-evidence';
import { PrimarySourceLine } from '@/app/_components/primary-source';
import { SourceTitle } from '@/app/_components/source-title';
import { VerdictBadge } from '@/app/_components/verdict-badge';
import { VerdictSummary } from '@/app/_components/verdict-summary';
import { buildClaimReview, serializeJsonLd } from '@/lib/citations/claim-review';
import { buildClaimCitation } from '@/lib/citations/cite';
import { getClaimPermalink } from '@/lib/citations/permalink';
import { getClaimPage } from '@/lib/claims/claim-page';
import { claimantPath } from '@/lib/claims/claimant-path';
import { getClaimSummary } from '@/lib/claims/list-queries';
import { renderClaimBody } from '@/lib/claims/render';
import { feedAlternates } from '@/lib/feeds/alternates';
import { getDb } from '@/lib/db';
import { getClaimLineage } from '@/lib/lineage/queries';
import { getClaimNumbers } from '@/lib/numbers/queries';
import { buildAppearanceTimeline, findPrimarySources, sortEvidenceByGrade } from '@/lib/claims/claim-page-view';

// Rendered on first request, then served from the cache until the store's data version
// changes (see lib/cache/data-version-cache-handler.mjs): static-page speed, fresh after any write.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { id: string }[] {
  // Nothing prerendered at build: the build machine's database is not the one served.
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await getClaimSummary(await getDb(), id);
  const t = await getTranslations('claimParts.page');
  if (!claim) return { title: t('notFoundTitle') };
  const tVerdicts = await getTranslations('verdicts');
  const verdictLabel = tVerdicts(`${claim.verdict.value}.label`);
  const description = `${verdictLabel}: ${claim.statement}`;
  return {
    title: claim.title,
    description,
    alternates: { canonical: `/claims/${claim.id}`, types: feedAlternates(`/claims/${claim.id}/feed`) },
    openGraph: { type: 'article', title: `${claim.title} — ${verdictLabel}`, description, url: `/claims/${claim.id}` },
    ...(claim.withdrawn ? { robots: { index: false } } : {}),
  };
}

// Source roles and declared links ("Same figure as: X", read from this claim's side) are worded in
// the catalogue: claimParts.page.roles and claimParts.relations.

export default async function ClaimPage({ params }: Props) {
  const { id } = await params;
  const t = await getTranslations('claim');
  const tp = await getTranslations('claimParts.page');
  const tParts = await getTranslations('claimParts');
  const tVerdicts = await getTranslations('verdicts');
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const db = await getDb();
  const claim = await getClaimPage(db, id);
  if (!claim) notFound();
  const lineage = await getClaimLineage(db, id);
  const permalink = getClaimPermalink(claim.id);
  const primaries = findPrimarySources(claim.appearances);
  const timeline = buildAppearanceTimeline(claim.appearances);
  const evidence = sortEvidenceByGrade(claim.evidence);
  const shownEvidence = Object.values(evidence).flat().length;

  return (
    <article className="claim">
      <script type="application/ld+json">{serializeJsonLd(buildClaimReview(claim, permalink, lineage))}</script>

      {claim.withdrawn ? (
        <p className="notice" role="note">
          {claim.withdrawnAt
            ? tp.rich('withdrawnOn', {
                date: claim.withdrawnAt.slice(0, 10),
                strong,
                time: (chunks) => <time dateTime={claim.withdrawnAt!}>{chunks}</time>,
                link: (chunks) => <Link href="/methodology#corrections">{chunks}</Link>,
              })
            : tp.rich('withdrawn', { strong, link: (chunks) => <Link href="/methodology#corrections">{chunks}</Link> })}
        </p>
      ) : null}

      <header className="claim-header">
        <h1>{claim.title}</h1>
      </header>

      <section className={`verdict-box verdict-box-${claim.verdict.value}`} aria-labelledby="verdict-box-heading">
        <h2 id="verdict-box-heading" className="visually-hidden">
          {t('box')}
        </h2>
        <dl className="verdict-box-facts">
          <dt>{t('claimed')}</dt>
          <dd>
            <p className="statement">{claim.statement}</p>
            <p className="meta">
              {tp.rich('claimant', { claimant: claim.claimant, link: (chunks) => <Link href={claimantPath(claim.claimant)}>{chunks}</Link> })}
            </p>
          </dd>
          <dt>{t('verdict')}</dt>
          <dd className="claim-facts">
            <VerdictBadge verdict={claim.verdict} /> <span className="meta verdict-meaning">{tVerdicts(`${claim.verdict.value}.meaning`)}</span>
            {claim.needsReview ? <> <NeedsReviewBadge quoteProblems={claim.quoteProblemCount} /></> : null}
          </dd>
        </dl>
        <VerdictSummary claim={claim} />
        <dl className="verdict-box-facts verdict-box-meta">
          <dt>{t('primary')}</dt>
          <dd>
            <PrimarySourceLine primaries={primaries} />
          </dd>
          <dt>{t('confidence')}</dt>
          <dd>
            <ConfidenceMeter value={claim.confidence} />
          </dd>
          <dt>{t('reviewed')}</dt>
          <dd>
            <time dateTime={claim.lastReviewed}>{claim.lastReviewed}</time>
            <span className="meta verdict-date-note">
              {' '}
              {tp.rich(claim.verdict.origin === 'note' ? 'verdictFromNote' : 'verdictAsOf', {
                date: claim.verdict.date,
                time: (chunks) => <time dateTime={claim.verdict.date}>{chunks}</time>,
              })}
            </span>
          </dd>
        </dl>
      </section>
      {/* Outside the box: on a phone the box itself (claim, verdict, summary, source, confidence) is the first screen. */}
      <p className="claim-links">
        <Link href={`/claims/${claim.id}/evidence/new`} className="button">
          {tp('addEvidence')}
        </Link>{' '}
        <Link href={`/claims/${claim.id}/history`}>{tp('history')}</Link> · <Link href="/methodology#scale">{tp('howVerdicts')}</Link>
        <EditorOnly>
          {' · '}
          <Link href={`/claims/${claim.id}/confidence/new`}>{tp('addNote')}</Link> · <Link href="/review">{tp('reviewProposals')}</Link>
        </EditorOnly>
      </p>
      <p className="meta claim-topics">
        {tp('topics')}
        {claim.topics.map((t, i) => (
          <span key={t}>
            {i > 0 ? tParts('list.comma') : ''}
            <Link href={`/claims?topic=${encodeURIComponent(t)}`}>{t}</Link>
          </span>
        ))}
      </p>

      <section aria-labelledby="analysis-heading" className="analysis">
        <h2 id="analysis-heading">{t('analysis')}</h2>
        {renderClaimBody(claim.body.tree, claim.body.references, {
          withdrawn: tp('withdrawnMark'),
          unknownClaim: tp('unknownClaim'),
          unknownSource: tp('unknownSource'),
        })}
      </section>

      <ClaimNumbers numbers={await getClaimNumbers(db, id)} />

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t('evidence')}</h2>
        {claim.pendingEvidenceCount > 0 ? (
          <p className="meta">
            {tp('pending', { count: claim.pendingEvidenceCount })}
          </p>
        ) : null}
        <LineageEvidenceGroups evidence={evidence} lineage={lineage} />
        {claim.evidenceCount > shownEvidence ? (
          <p className="meta">
            {tp.rich('firstShown', {
              shown: shownEvidence,
              total: claim.evidenceCount,
              json: (chunks) => <a href={`/api/claims/${claim.id}`}>{chunks}</a>,
              history: (chunks) => <Link href={`/claims/${claim.id}/history`}>{chunks}</Link>,
            })}
          </p>
        ) : null}
        <p>
          <Link href={`/claims/${claim.id}/evidence/new`} className="button">
            {tp('addEvidence')}
          </Link>
        </p>
      </section>

      <section aria-labelledby="confidence-heading">
        <h2 id="confidence-heading">{t('confidenceHistory')}</h2>
        <p>
          {tp('currentConfidence')}
          <ConfidenceMeter value={claim.confidence} />
        </p>
        <LineageConfidence lineage={lineage} />
        <h3>{tp('notesHeading')}</h3>
        {claim.confidenceNotes.length ? (
          <ol className="notes" reversed>
            {claim.confidenceNotes.map((n) => (
              <li key={n.id} id={`note-${n.id}`}>
                <time dateTime={n.createdAt}>{n.createdAt.slice(0, 10)}</time> · {n.author}
                {n.confidence !== null ? tp('noteConfidence', { pct: Math.round(n.confidence * 100) }) : null}
                {n.verdict ? <>{tp('noteVerdict')}<VerdictBadge verdict={n.verdict} /></> : null}
                <p dir="auto">{n.reason}</p>
                {n.evidenceIds.length ? (
                  <p className="meta">
                    {tp('basedOn')}
                    {n.evidenceIds.map((e, i) => (
                      <span key={e}>
                        {i > 0 ? ', ' : ''}
                        <a href={`#evidence-${e}`}>{e}</a>
                      </span>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="meta">{tp('noNotes')}</p>
        )}
        {claim.confidenceNoteCount > claim.confidenceNotes.length ? (
          <p className="meta">
            {tp.rich('newestNotes', {
              shown: claim.confidenceNotes.length,
              total: claim.confidenceNoteCount,
              history: (chunks) => <Link href={`/claims/${claim.id}/history`}>{chunks}</Link>,
            })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="chain-heading">
        <h2 id="chain-heading">{t('chain')}</h2>
        <ol className="timeline">
          {timeline.map((t) => (
            <li key={`${t.source.id}-${t.date ?? ''}`}>
              <span className="timeline-date">{t.date ? <time dateTime={t.date}>{t.date}</time> : tParts('lineage.undated')}</span>{' '}
              <SourceTitle source={t.source} />
              {t.times > 1 ? <span className="meta">{tp('statedTimes', { count: t.times })}</span> : null}
              {t.note ? <p className="meta">{t.note}</p> : null}
            </li>
          ))}
        </ol>
        <h3>{tp('whatWasSaid')}</h3>
        <ClaimPassages passages={claim.passages} quoteProblemCount={claim.quoteProblemCount} />
        {claim.quantity ? (
          <p className="meta">
            {tp('figureChecked', { measure: claim.quantity.measureLabel })}{' '}
            {claim.quantity.value !== null
              ? claim.quantity.value.toLocaleString('en')
              : `${claim.quantity.low?.toLocaleString('en')}–${claim.quantity.high?.toLocaleString('en')}`}{' '}
            {claim.quantity.unit}
            {claim.quantity.asOf ? tp('asOf', { date: claim.quantity.asOf }) : ''}
          </p>
        ) : null}
        <h3>{tp('howItSpread')}</h3>
        <p className="meta">{tp('howItSpreadBlurb')}</p>
        <LineageGraph lineage={lineage} />
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('sources')}</h2>
        <ul>
          {claim.sources.map((s) => (
            <li key={s.id}>
              <SourceTitle source={s} /> <span className="meta">— {s.roles.map((r) => tp(`roles.${r}`)).join(tParts('list.comma'))}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="related-heading">
        <h2 id="related-heading">{t('related')}</h2>
        {claim.related.declared.length === 0 && claim.related.sharedSource.length === 0 && claim.related.hubSources.length === 0 ? <p className="meta">{tp('none')}</p> : null}
        {claim.related.declared.length ? (
          <ul className="related-claims">
            {claim.related.declared.map((r) => (
              <li key={`${r.id}-${r.relation}-${r.direction}`}>
                <span className="relation">{tParts('relations.label', { relation: tParts(`relations.${r.direction}.${r.relation}`) })}</span> <Link href={`/claims/${r.id}`}><bdi>{r.title}</bdi></Link>{' '}
                <VerdictBadge verdict={r.verdict} />
                {r.withdrawn ? <span className="meta">{tp('withdrawnMark')}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {claim.related.incomingCount > claim.related.declared.filter((r) => r.direction === 'incoming').length ? (
          <p className="meta">{tp('moreIncoming', { count: claim.related.incomingCount })}</p>
        ) : null}
        {claim.related.sharedSource.length ? (
          <>
            <h3>{tp('sameSources')}</h3>
            <ul className="related-claims">
              {claim.related.sharedSource.map((r) => (
                <li key={r.id}>
                  <Link href={`/claims/${r.id}`}><bdi>{r.title}</bdi></Link> <VerdictBadge verdict={r.verdict} />{' '}
                  <span className="meta">
                    {/* One title and a count: listing every shared title made this list the page's longest. */}
                    {tp('shares', { count: r.sharedSources.length, first: r.sharedSources[0]?.title ?? '' })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {claim.related.hubSources.length ? (
          <ul className="meta">
            {claim.related.hubSources.map((h) => (
              <li key={h.source.id}>
                {tp.rich('hub', {
                  count: h.otherClaims.toLocaleString('en'),
                  title: h.source.title,
                  claims: (chunks) => <Link href={`/sources/${h.source.id}/claims`}>{chunks}</Link>,
                  source: (chunks) => (
                    <Link href={`/sources/${h.source.id}`}>
                      <bdi>{chunks}</bdi>
                    </Link>
                  ),
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="cite-heading">
        <h2 id="cite-heading">{t('cite')}</h2>
        <p className="cite-box">{buildClaimCitation(claim, permalink)}</p>
        <CiteMenu kind="claim" id={claim.id} />
        <p className="meta">
          {tp('permalink')}
          <a href={`/claims/${claim.id}`}>{permalink}</a>
          {tp('json')}
          <a href={`/api/claims/${claim.id}`}>/api/claims/{claim.id}</a>
        </p>
      </section>
    </article>
  );
}
