import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { writeWithRevisions } from '../../lib/history/revision-kernel';
import { launchChromium } from '../helpers/browser';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, REPO_ROOT, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The built app (`next build` once, then `next start`) on a freshly ingested database,
// driven by Debian's chromium. A third claim rests on the essay, so the essay's page
// leads on to a second claim.
const GAMMA = `---
id: "gamma-figure"
title: "Gamma repeats the essay"
statement: "Gamma repeats the essay's alpha figure."
original:
  lang: "zh-Hant"
  text: "伽瑪的成本與阿爾法相同。"
  translation: "Gamma cost the same as alpha."
claimant: "A newsletter"
topics: ["costs"]
appearances:
  - source: "report"
    date: "2026-01"
    cites: ["essay"]
verdict: "false"
verdict_date: "2026-10-01"
summary: "Gamma repeats the essay's figure, which the report contradicts."
---

It leans on <SourceRef id="essay" />.
`;

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');

let server: RunningServer;
let browser: Browser;
let writer: Db;
let fixture: ReturnType<typeof copyFixture>;

beforeAll(async () => {
  const dir = makeTempDir('claim-ledger-e2e-');
  const dbFile = path.join(dir, 'site.sqlite');
  fixture = copyFixture();
  fs.writeFileSync(path.join(fixture.claimsDir, 'gamma-figure.mdx'), GAMMA);
  // This connection lives in the test process: to the server it is another process writing.
  writer = createSqliteDb(dbFile);
  await prepareStoreOrThrow(writer);
  await checkAndIngest(writer, fixture);

  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile);
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await writer?.destroy();
});

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

function readJsonLd(page: Page): Promise<string[]> {
  return page.locator('script[type="application/ld+json"]').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
}

describe('a reader checks a claim end to end in a real browser', () => {
  it('goes from the home page to a claim, through a SourceRef to its source, and on to another claim on that source', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const home = await page.goto(`${server.url}/`);
    expect(home?.status()).toBe(200);
    expect(await page.title()).toContain('Claim Ledger');
    await expect.poll(() => page.locator('.claim-row').count()).toBe(3);
    expect(await page.locator('form[action="/search"] input[name="q"]').count()).toBeGreaterThan(0);
    await shoot(page, 'home');

    await page.getByRole('link', { name: 'Alpha costs $50M' }).click();
    await page.waitForURL(/\/claims\/alpha-figure$/);
    // Client-side navigation: the URL changes before the new page's head and body are in place.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Alpha costs $50M');
    await expect.poll(() => page.title()).toBe('Alpha costs $50M · Claim Ledger');
    await expect.poll(() => page.locator('meta[property="og:title"]').getAttribute('content')).toContain('Misleading');
    const original = page.locator('blockquote[lang="zh-Hant"]').first();
    expect(await original.textContent()).toBe('阿爾法的成本約為 5,000 萬美元;');

    const [jsonLd] = await readJsonLd(page);
    const review = JSON.parse(jsonLd!);
    expect(review['@type']).toBe('ClaimReview');
    expect(review.reviewRating).toMatchObject({ ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Misleading' });
    const summary = 'The $50M figure appears only in an unsourced essay; the one compute estimate we hold is $4.3M.';
    expect(review.reviewBody).toBe(summary);
    expect(review.reviewRating.ratingExplanation).toBe(summary);
    // In the verdict box, right after the verdict, as text.
    expect(await page.locator('.verdict-box dl + .verdict-summary').textContent()).toBe(`In short: ${summary}`);
    expect(review.itemReviewed.appearance).toHaveLength(2);
    await shoot(page, 'claim');

    const sourceRef = page.locator('.analysis a[data-ref="source"]').first();
    expect(await sourceRef.getAttribute('title')).toBe('An essay');
    await sourceRef.click();
    await page.waitForURL(/\/sources\/essay$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('An essay');
    expect(await page.getByText('mirror copy').count()).toBe(1);
    expect(await page.getByText('We read the text this record cites').count()).toBe(1);
    await shoot(page, 'source');

    await page.locator('ul.source-claims').getByRole('link', { name: 'Gamma repeats the essay' }).click();
    await page.waitForURL(/\/claims\/gamma-figure$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gamma repeats the essay');
    const gamma = JSON.parse((await readJsonLd(page))[0]!);
    expect(gamma.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'False' });
    await page.close();
  });

  it('answers a URL with a malformed %-escape or a control character with a 400, as JSON under /api/', async () => {
    for (const p of ['/claims/%', '/sources/%ZZ', '/claims/%00', '/api/evidence/a%0Ab']) expect((await fetch(`${server.url}${p}`)).status, p).toBe(400);
    const api = await fetch(`${server.url}/api/claims/%E0%A4%A`);
    expect(api.status).toBe(400);
    expect((await api.json()).error.code).toBe('invalid');
  });

  it('answers an unknown claim with the 404 page and an unknown API id with a JSON 404', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${server.url}/claims/does-not-exist`);
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Not found');
    await page.close();
    const api = await fetch(`${server.url}/api/claims/does-not-exist`);
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });
});

describe('search in the browser', () => {
  it('answers a GET form without JavaScript, and follows typing with JavaScript, keeping the query in the URL', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${server.url}/search?q=${encodeURIComponent('阿爾法')}`);
    expect(await plain.locator('.search-hit').first().textContent()).toContain('Alpha costs $50M');
    await noJs.close();

    const page = await browser.newPage();
    await page.goto(`${server.url}/search`);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/search')) requests.push(r.url());
    });
    await page.locator('#search-q').click();
    await page.keyboard.type('ten times', { delay: 40 });
    await expect.poll(() => page.locator('.search-hit').first().textContent()).toContain('Beta costs ten times alpha');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('ten times');
    // Debounced: nine keystrokes, far fewer requests.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThan(5);
    await page.close();
  });
});

describe('list pages', () => {
  it('filter /claims and /sources from URL parameters and ignore invalid ones instead of failing', async () => {
    const misleading = await (await fetch(`${server.url}/claims?verdict=misleading`)).text();
    expect(misleading).toContain('Alpha costs $50M');
    expect(misleading).not.toContain('Beta costs ten times alpha');
    const bad = await fetch(`${server.url}/claims?verdict=nonsense&page=-3`);
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain('Beta costs ten times alpha');
    const gradeA = await (await fetch(`${server.url}/sources?reliability=A`)).text();
    expect(gradeA).toContain('A report');
    expect(gradeA).not.toContain('An essay');
  });
});

describe('cached pages', () => {
  it('are served from the cache while nothing changes, and show another process’s write at the next request', async () => {
    const claimUrl = `${server.url}/claims/alpha-figure`;
    const sourceUrl = `${server.url}/sources/report`;
    await fetch(claimUrl);
    await fetch(sourceUrl);
    const again = await fetch(claimUrl);
    expect(again.headers.get('x-nextjs-cache')).toBe('HIT');
    expect((await fetch(sourceUrl)).headers.get('x-nextjs-cache')).toBe('HIT');

    const at = new Date().toISOString();
    // Another process writes as the app's writers do: through the revision kernel.
    await writeWithRevisions(writer, { actor: 'e2e', at }, async (w) => {
      await w.insert(
        'evidence',
        {
          id: 'ev-e2e-fresh', claim_id: 'alpha-figure', source_id: 'report', stance: 'qualifies', target: 'value',
          excerpt: 'A freshly added excerpt.', lang: 'en', translation: null, locator: 'p. 9', value: null, unit: null, as_of: null,
          note: null, status: 'accepted', retracted_at: null, retracted_reason: null, origin: 'user', seed_hash: null, revision: 1,
          author: 'e2e', created_at: at, updated_at: at,
        },
        { action: 'create' },
      );
      await w.insert(
        'confidence_note',
        {
          id: 'cn-e2e-fresh', claim_id: 'alpha-figure', confidence: 0.35, verdict: null, reason: 'A fresh confidence note.',
          evidence_ids: '["ev-e2e-fresh"]', origin: 'user', seed_hash: null, author: 'e2e', created_at: at,
        },
        { action: 'create' },
      );
    });

    const claimHtml = await (await fetch(claimUrl)).text();
    expect(claimHtml).toContain('A freshly added excerpt.');
    expect(claimHtml).toContain('A fresh confidence note.');
    expect(claimHtml).toContain('35%');
    expect(await (await fetch(sourceUrl)).text()).toContain('A freshly added excerpt.');
    // …and cached again from then on.
    expect((await fetch(claimUrl)).headers.get('x-nextjs-cache')).toBe('HIT');
  });

  it('show a claim withdrawn by a later ingest with a notice at the next request, its URL still resolving', async () => {
    const url = `${server.url}/claims/gamma-figure`;
    expect(await (await fetch(url)).text()).not.toContain('This claim was withdrawn');
    fs.rmSync(path.join(fixture.claimsDir, 'gamma-figure.mdx'));
    const report = await checkAndIngest(writer, fixture);
    expect(report.withdrawn).toEqual(['gamma-figure']);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('This claim was withdrawn');
    // Gone from the home page and from the lists and counts of the sources it rested on.
    expect(await (await fetch(`${server.url}/`)).text()).not.toContain('Gamma repeats the essay');
    const essay = await (await fetch(`${server.url}/sources/essay`)).text();
    expect(essay).not.toContain('Gamma repeats the essay</bdi></a>');
    expect(essay).toContain('Claims resting on this source (1)'); // one message now, no React text separators
  });
});
