import type { ClaimDetail } from '../claims/dto';
import type { ClaimLineage, LineageNode } from '../lineage/dto';
import { VERDICT_SCALE, type Verdict } from '../shared/vocabulary';

export const PUBLISHER_NAME = 'Claim Ledger';

/**
 * schema.org ClaimReview for one claim. The rating maps the verdict onto 1 (false) … 5
 * (supported); verdicts off that axis carry only alternateName, as ClaimReview allows.
 */
function creativeWork(n: LineageNode): Record<string, unknown> {
  const date = n.appearance?.date ?? n.date;
  return {
    '@type': 'CreativeWork',
    name: n.source.title,
    ...(n.source.url ? { url: n.source.url } : {}),
    ...(date ? { datePublished: date } : {}),
    ...(n.source.publisher ? { publisher: { '@type': 'Organization', name: n.source.publisher } } : {}),
  };
}

/**
 * `appearance` and `firstAppearance` from the lineage graph: every source the claim appeared
 * in, earliest first (undated last), and the first appearance found (the first listed when the
 * dates cannot tell candidates apart).
 */
function appearancesFromLineage(lineage: ClaimLineage): Record<string, unknown> {
  const shown = lineage.nodes.filter((n) => n.appearance);
  const sorted = [...shown].sort((a, b) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? '') || a.source.id.localeCompare(b.source.id));
  const first = lineage.first ? shown.find((n) => n.source.id === lineage.first!.sourceIds[0]) : undefined;
  return {
    ...(first ? { firstAppearance: creativeWork(first), datePublished: lineage.first!.date } : {}),
    appearance: sorted.map(creativeWork),
  };
}

export function buildClaimReview(claim: ClaimDetail, permalink: string, lineage: ClaimLineage | null = null): Record<string, unknown> {
  const explanation = currentSummaryText(claim);
  const rating = buildReviewRating(claim.verdict.value, explanation ?? verdictNoteReason(claim));
  const firstAppearance = claim.appearances[0];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: permalink,
    claimReviewed: claim.statement,
    datePublished: claim.verdict.date,
    dateModified: claim.lastReviewed,
    author: { '@type': 'Organization', name: PUBLISHER_NAME },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: claim.claimant },
      ...(lineage
        ? appearancesFromLineage(lineage)
        : {
            ...(firstAppearance?.date ? { datePublished: firstAppearance.date } : {}),
            appearance: claim.appearances.map((a) => ({
              '@type': 'CreativeWork',
              name: a.source.title,
              ...(a.source.url ? { url: a.source.url } : {}),
              ...(a.date ? { datePublished: a.date } : {}),
              ...(a.source.publisher ? { publisher: { '@type': 'Organization', name: a.source.publisher } } : {}),
            })),
          }),
    },
    ...(explanation ? { reviewBody: explanation } : {}),
    reviewRating: rating,
  };
}

/**
 * The rating of a ClaimReview, the same on claim pages and in the data feed: the verdict scale's
 * label as alternateName, its ratingValue where the verdict is on the true–false axis, and why.
 */
export function buildReviewRating(verdict: Verdict, explanation: string | null): Record<string, unknown> {
  const scale = VERDICT_SCALE[verdict];
  return {
    '@type': 'Rating',
    bestRating: 5,
    worstRating: 1,
    alternateName: scale.label,
    ...(scale.ratingValue !== null ? { ratingValue: scale.ratingValue } : {}),
    ...(explanation ? { ratingExplanation: explanation } : {}),
  };
}

/**
 * When a confidence note set the current verdict, its reason explains the rating (the file's
 * summary was written for an earlier verdict): the newest note with that verdict.
 */
function verdictNoteReason(claim: Pick<ClaimDetail, 'verdict' | 'confidenceNotes'>): string | null {
  if (claim.verdict.origin !== 'note') return null;
  return (claim.confidenceNotes ?? []).find((n) => n.verdict === claim.verdict.value)?.reason ?? null;
}

/**
 * The file's summary, when it still describes the current verdict. A later confidence note that
 * changed the verdict makes it describe an earlier one, and a review must not explain a rating
 * with the reasons for another.
 */
export function currentSummaryText(claim: Pick<ClaimDetail, 'summary' | 'verdict'>): string | null {
  return claim.summary && claim.summary.verdict === claim.verdict.value ? claim.summary.text : null;
}

/**
 * JSON for an inline <script type="application/ld+json">. The HTML parser ends a script
 * at "</script" whatever the JSON means, so every "<" (and ">", "&", and the JS line
 * separators) is written as a \u escape: still the same JSON, never markup.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
