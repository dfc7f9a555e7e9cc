import { DOMParser } from 'linkedom';
import { describe, expect, test as base } from 'vitest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/auth/users';
import { getClaimReviewFeedPage } from '../../lib/citations/claim-review-feed';
import { addConfidenceNote } from '../../lib/confidence/write';
import { VERDICT_SCALE, type Verdict } from '../../lib/shared/vocabulary';
import { renderRobots, renderSitemapPart, renderSitemapRoot } from '../../lib/sitemap/sitemap';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

const test = base.extend<{ db: Db; editor: Actor }>({
  db: async ({}, provide) => {
    const t = await createTestDb();
    await checkAndIngest(t.db, copyFixture());
    await provide(t.db);
    await t.cleanup();
  },
  editor: async ({ db }, provide) => {
    await provide(await createEditor(db));
  },
});

type Review = { '@type': string; url: string; reviewRating: { alternateName: string; ratingValue?: number; ratingExplanation?: string } };

async function allReviews(db: Db, pageSize: number) {
  const pages: Array<{ body: Record<string, unknown>; next: string | null }> = [];
  let after: string | null = null;
  do {
    const page = await getClaimReviewFeedPage(db, after, pageSize);
    pages.push(page!);
    after = page!.next;
  } while (after);
  return pages;
}

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml').documentElement as unknown as Element;
const texts = (root: Element, tag: string) => [...root.getElementsByTagName(tag)].map((e) => e.textContent ?? '');

describe('the ClaimReview data feed', () => {
  test('pages through every listed claim once, each element a ClaimReview rated on the verdict scale', async ({ db }) => {
    const listed = (await db.selectFrom('claim').select(['id', 'current_verdict']).where('listed', '=', 1).orderBy('id').execute());
    expect(listed.length).toBeGreaterThan(1);
    const pages = await allReviews(db, 1);
    expect(pages).toHaveLength(listed.length);
    const reviews = pages.flatMap((p) => {
      const body = JSON.parse(JSON.stringify(p.body));
      expect(body['@context']).toBe('https://schema.org');
      expect(body['@type']).toBe('DataFeed');
      return body.dataFeedElement as Review[];
    });
    expect(reviews.map((r) => r.url.split('/').at(-1))).toEqual(listed.map((c) => c.id));
    for (const [i, r] of reviews.entries()) {
      expect(r['@type']).toBe('ClaimReview');
      const scale = VERDICT_SCALE[listed[i]!.current_verdict as Verdict];
      expect(r.reviewRating.alternateName).toBe(scale.label);
      if (scale.ratingValue !== null) expect(r.reviewRating.ratingValue).toBe(scale.ratingValue);
    }
    expect(pages.at(-1)!.next).toBeNull();
    expect(pages[0]!.body.relatedLink).toMatch(/\/data\/claim-reviews\.json\?after=/);
  });

  test('states the summary as ratingExplanation, and the note that changed the verdict once one did', async ({ db, editor }) => {
    const [first] = await allReviews(db, 500);
    const alpha = (first!.body.dataFeedElement as Review[]).find((r) => r.url.endsWith('/alpha-figure'))!;
    const row = await db.selectFrom('claim').select(['summary', 'verdict', 'current_verdict']).where('id', '=', 'alpha-figure').executeTakeFirstOrThrow();
    expect(row.verdict).toBe(row.current_verdict);
    expect(alpha.reviewRating.ratingExplanation).toBe(row.summary);
    await addConfidenceNote(db, 'alpha-figure', { verdict: 'supported', confidence: 0.9, reason: 'A second primary source confirms it.', evidenceIds: [] }, editor);
    const [after] = await allReviews(db, 500);
    const changed = (after!.body.dataFeedElement as Review[]).find((r) => r.url.endsWith('/alpha-figure'))!;
    expect(changed.reviewRating).toMatchObject({ alternateName: 'Supported', ratingValue: 5, ratingExplanation: 'A second primary source confirms it.' });
  });

  test('leaves out drafts and withdrawn claims', async ({ db }) => {
    await db.updateTable('claim').set({ listed: 0 }).where('id', '=', 'beta-figure').execute();
    const [page] = await allReviews(db, 500);
    expect((page!.body.dataFeedElement as Review[]).some((r) => r.url.endsWith('/beta-figure'))).toBe(false);
  });
});

describe('sitemap.xml and robots.txt', () => {
  test('the sitemap lists every listed claim and source with a lastmod date, and no draft', async ({ db }) => {
    await db.updateTable('claim').set({ listed: 0 }).where('id', '=', 'beta-figure').execute();
    const root = xml(await renderSitemapRoot(db));
    expect(root.tagName).toBe('urlset');
    expect(root.getAttribute('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = texts(root, 'loc').map((l) => new URL(l).pathname);
    const claims = (await db.selectFrom('claim').select('id').where('listed', '=', 1).execute()).map((c) => `/claims/${c.id}`);
    const sources = (await db.selectFrom('source').select('id').where('listed', '=', 1).execute()).map((s) => `/sources/${s.id}`);
    expect(locs.sort()).toEqual([...claims, ...sources].sort());
    expect(locs).not.toContain('/claims/beta-figure');
    for (const lastmod of texts(root, 'lastmod')) expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  test('above the URL limit it becomes an index whose files together list every URL once', async ({ db }) => {
    const all = texts(xml(await renderSitemapRoot(db)), 'loc').sort();
    const index = xml(await renderSitemapRoot(db, 2));
    expect(index.tagName).toBe('sitemapindex');
    const files = texts(index, 'loc').map((l) => new URL(l).pathname);
    const parts: string[] = [];
    for (const f of files) {
      const [, kind, n] = /^\/sitemaps\/(claims|sources)\/(\d+)\.xml$/.exec(f)!;
      const part = xml((await renderSitemapPart(db, kind as 'claims' | 'sources', Number(n), 2))!);
      expect(part.tagName).toBe('urlset');
      expect(texts(part, 'loc').length).toBeLessThanOrEqual(2);
      parts.push(...texts(part, 'loc'));
    }
    expect(parts.sort()).toEqual(all);
    expect(await renderSitemapPart(db, 'claims', files.filter((f) => f.includes('/claims/')).length, 2)).toBeNull();
  });

  test('robots.txt allows the public pages, keeps crawlers off the API and forms, and names the sitemap', () => {
    const robots = renderRobots();
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/api\/$/m);
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap\.xml$/m);
  });
});
