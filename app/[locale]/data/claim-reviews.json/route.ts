import { respondByDataVersion } from '@/lib/cache/respond-by-version';
import { CLAIM_REVIEW_FEED_PAGE_SIZE, getClaimReviewFeedPage } from '@/lib/citations/claim-review-feed';
import { getSiteOrigin } from '@/lib/citations/permalink';

/**
 * GET /data/claim-reviews.json[?after=<claim id>]: one page of the ClaimReview data feed
 * (CLAIM_REVIEW_FEED_PAGE_SIZE per page); the next page is in the Link header.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const extra = [...params.keys()].filter((k) => k !== 'after');
  if (extra.length) return Response.json({ error: { code: 'invalid', message: `Unknown parameter ${extra[0]}: the feed takes only "after" (a claim id, from the Link header).` } }, { status: 400 });
  const after = params.get('after');
  return respondByDataVersion(request, {
    key: `claim-reviews|${after ?? ''}`,
    contentType: 'application/ld+json; charset=utf-8',
    notFound: `No page after "${after}": "after" is a claim id from the previous page's Link header (${CLAIM_REVIEW_FEED_PAGE_SIZE} per page).`,
    build: async (db) => {
      const page = await getClaimReviewFeedPage(db, after);
      if (!page) return null;
      const next = page.next ? `<${getSiteOrigin()}/data/claim-reviews.json?after=${encodeURIComponent(page.next)}>; rel="next"` : null;
      const headers: Record<string, string> = next ? { Link: next } : {};
      return { body: JSON.stringify(page.body), headers };
    },
  });
}
