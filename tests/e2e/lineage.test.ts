import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { runIngest } from '../../lib/claims/ingest';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { launchChromium } from '../helpers/browser';
import { ensureNextBuild, REPO_ROOT, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The real ledger (claims/ and db/seed/) served by the built app, read in Debian's chromium
// with JavaScript off: the lineage drawing is server-rendered SVG, and its list says the same.

const SHOTS = path.join(REPO_ROOT, 'artifacts', 'screenshots');
const GPT4 = 'gpt4-training-cost-500m';

let server: RunningServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  const dir = makeTempDir('claim-ledger-lineage-e2e-');
  const dbFile = path.join(dir, 'site.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  const result = await runIngest(db, { claimsDir: path.join(REPO_ROOT, 'claims'), seedDir: path.join(REPO_ROOT, 'db', 'seed'), displayRoot: REPO_ROOT });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile);
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.destroy();
});

describe('the lineage of a claim in a real browser', () => {
  it('draws each source of the GPT-4 claim once, marks the earliest, and lists the same graph', async () => {
    const api = await (await fetch(`${server.url}/api/claims/${GPT4}/lineage`)).json();
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The drawing: the SVG document the claim page embeds, read in the browser as its own page.
    const drawing = await context.newPage();
    const svgResponse = await drawing.goto(`${server.url}/claims/${GPT4}/lineage.svg`);
    expect(svgResponse?.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    expect((await page.goto(`${server.url}/claims/${GPT4}`))?.status()).toBe(200);
    expect(await page.locator('figure.lineage-figure object.lineage-drawing').getAttribute('data')).toBe(`/claims/${GPT4}/lineage.svg`);
    // The same graph as a nested list: its own page, linked from the claim page.
    const list = await context.newPage();
    const listHref = await page.getByRole('link', { name: 'The same graph as a list' }).getAttribute('href');
    expect(listHref).toBe(`/claims/${GPT4}/lineage`);
    expect((await list.goto(`${server.url}${listHref}`))?.status()).toBe(200);

    const drawn = await drawing.locator('svg.lineage-svg g.lineage-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-source-id')!));
    expect(drawn.length).toBeGreaterThan(3);
    expect(new Set(drawn).size).toBe(drawn.length);
    expect([...drawn].sort()).toEqual(api.nodes.map((n: { source: { id: string } }) => n.source.id).sort());
    // The note the old chain repeated under every appearance is one box now.
    expect(drawn.filter((id) => id === 'macrostrategy-note-2025-10')).toHaveLength(1);

    // The earliest source found is marked in the drawing and in the list, and they agree with the API.
    const earliestDrawn = await drawing.locator('svg.lineage-svg g.lineage-node.flag-first').evaluateAll((els) => els.map((e) => e.getAttribute('data-source-id')!));
    expect(earliestDrawn.sort()).toEqual([...api.first.sourceIds].sort());
    expect(earliestDrawn).toContain('lockett-medium-ai-bubble-worse');
    const earliestListed = await list
      .locator('ul.lineage-list li[data-source-id]')
      .evaluateAll((els) => els.filter((e) => e.querySelector(':scope > .lineage-item-head .flag-first')).map((e) => e.getAttribute('data-source-id')!));
    expect(earliestListed.sort()).toEqual(earliestDrawn.sort());
    expect(await drawing.locator('svg.lineage-svg g.lineage-node.flag-first text').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/earliest found/)]));

    // The nested list holds every drawn source exactly once, and every drawn link.
    const listed = await list.locator('ul.lineage-list li[data-source-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-source-id')!));
    expect([...listed].sort()).toEqual([...drawn].sort());
    const drawnEdges = await drawing.locator('svg.lineage-svg g.lineage-edge').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge')!));
    const listedEdges = await list
      .locator('ul.lineage-list li[data-via-edge], ul.lineage-list li[data-edge-ref]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-via-edge') ?? e.getAttribute('data-edge-ref')!));
    expect([...listedEdges].sort()).toEqual([...drawnEdges].sort());
    expect(drawnEdges.sort()).toEqual(api.edges.map((e: { from: string; to: string }) => `${e.from}>${e.to}`).sort());

    // Each box carries date, grade, figure and flags; the list names who inferred a link.
    const lockett = drawing.locator('svg.lineage-svg g.lineage-node[data-source-id="lockett-medium-ai-bubble-worse"]');
    expect((await lockett.locator('text').allTextContents()).join(' ')).toMatch(/2025-10 · grade C · \$500M.*earliest found/);
    expect(await list.locator('li[data-via-edge="gangge-matters-ai-bubble>lockett-medium-ai-bubble-worse"] > .lineage-item-head').textContent()).toContain('inferred by Claim Ledger editors');
    expect(await page.getByTestId('independence').textContent()).toBe(`${api.counts.sources} sources, ${api.counts.independent} independent`);

    const review = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(review.itemReviewed.firstAppearance).toMatchObject({ '@type': 'CreativeWork', name: expect.stringContaining('AI Bubble') });
    expect(review.itemReviewed.appearance).toHaveLength(api.counts.sources);
    await page.screenshot({ path: path.join(SHOTS, 'lineage-gpt4-1280.png'), fullPage: true });
    await drawing.screenshot({ path: path.join(SHOTS, 'lineage-gpt4-graph.png') });
    await context.close();
  });

  it('says plainly when all supporting evidence derives from one root, and lists roots and a source neighbourhood', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/claims/ai-bubble-17x-dotcom`);
    expect(await page.locator('.lineage-single-root').textContent()).toMatch(/All supporting evidence derives from one root: .* MacroStrategy/);
    expect(await page.locator('.lineage-counts tr[data-stance="supports"] [data-testid="independent-supports"]').textContent()).toBe('1');
    const drawing = await browser.newPage();
    await drawing.goto(`${server.url}/claims/ai-bubble-17x-dotcom/lineage.svg`);
    expect(await drawing.locator('svg.lineage-svg g.lineage-node.flag-first').getAttribute('data-source-id')).toBe('macrostrategy-note-2025-10');

    await page.goto(`${server.url}/claims/ai-bubble-4x-subprime`);
    expect(await page.locator('.lineage-mutations').textContent()).toMatch(/says 8×.*says 4×/);
    await drawing.goto(`${server.url}/claims/ai-bubble-4x-subprime/lineage.svg`);
    expect(await drawing.locator('svg g.lineage-edge.edge-mutation').count()).toBe(1);
    expect(await drawing.locator('svg g.lineage-edge.edge-mutation text').textContent()).toBe('8× ≠ 4×');
    await drawing.close();

    await page.goto(`${server.url}/sources/graph`);
    expect(await page.locator('table.lineage-roots tbody tr').first().getAttribute('data-source-id')).toBe('macrostrategy-note-2025-10');

    await page.goto(`${server.url}/sources/census-btos`);
    const section = page.locator('section.lineage-neighbourhood');
    expect(await section.textContent()).toMatch(/sources derive from it/);
    expect(await section.getByRole('link', { name: /Apollo|Sløk|Slok/ }).count()).toBeGreaterThan(0);
    await page.close();
  });
});
