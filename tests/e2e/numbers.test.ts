import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { checkClaimsAndSeed } from '../../lib/claims/check';
import { ingestCorpus } from '../../lib/claims/ingest';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { launchChromium } from '../helpers/browser';
import { ensureNextBuild, REPO_ROOT, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The built app through server.mjs in chromium, on the real claims and seed data: a numeric
// claim's page embeds its stored chart (an SVG document with the expected marks) beside the
// table of the same numbers, within the page's size bound, at phone width and in dark mode;
// the figure field reads a typed figure back before it is sent.

let server: RunningServer;
let browser: Browser;
let db: Db;
let dir: string;

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-numbers-e2e-');
  const dbFile = path.join(dir, 'site.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  const result = await checkClaimsAndSeed({ claimsDir: path.join(REPO_ROOT, 'claims'), seedDir: path.join(REPO_ROOT, 'db', 'seed'), displayRoot: REPO_ROOT });
  if (!result.ok) throw new Error('the repository\'s claims do not check');
  await ingestCorpus(db, result.corpus);
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('numbers on the site', () => {
  it('a numeric claim page embeds its chart with the expected marks and the table beside it, under 150 KB, at 390 px in dark mode', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/claims/gpt4-training-cost-500m`);
    expect(response!.status()).toBe(200);
    expect((await response!.body()).byteLength).toBeLessThan(150 * 1024);

    await expect.poll(() => page.locator('[data-testid=numbers-summary]').textContent()).toMatch(/^Of the 2 independent figures of this measure we hold, the claimed figure, US\$500M/);
    const table = page.locator('[data-testid=numbers-table] tbody tr');
    expect(await table.count()).toBe(1 + 5); // the claimed figure and five evidence figures
    expect(await page.locator('[data-testid=numbers-table]').textContent()).toContain('US$78.4M (78,400,000 USD)');

    const chart = page.locator('object.numbers-chart').first();
    expect(await chart.getAttribute('data')).toBe('/claims/gpt4-training-cost-500m/numbers.svg');
    // The embedded document: its marks (one point per value, the claimed value's dashed line, a bar for the open range), title and sources.
    // One dot per single value in the chart's own data download, a bar per range.
    const csv = (await (await fetch(`${server.url}/claims/gpt4-training-cost-500m/numbers.csv`)).text()).trim().split('\r\n').slice(1);
    const header = 'claim_id,role,source_id,source_title,stance,measure,relation,value'.split(',');
    const valueColumn = header.indexOf('value');
    const singleValues = csv.filter((line) => parseCsvLine(line)[valueColumn] !== '').length;
    expect(singleValues).toBeGreaterThanOrEqual(5);
    await expect.poll(() => chart.evaluate((o: HTMLObjectElement) => o.contentDocument?.querySelectorAll('g[aria-label="dot"] path').length ?? 0), { timeout: 20_000 }).toBe(singleValues);
    const svg = await chart.evaluate((o: HTMLObjectElement) => {
      const d = o.contentDocument!;
      return {
        title: d.querySelector('title')?.textContent,
        dashed: d.querySelectorAll('[stroke-dasharray="4,3"]').length,
        bars: d.querySelectorAll('g[aria-label="rule"] line').length,
        axis: d.querySelector('[aria-label="x-axis label"]')?.textContent,
        sources: [...d.querySelectorAll('text.s')].map((t) => t.textContent).join(' '),
        background: getComputedStyle(d.querySelector('rect.bg')!).fill,
        width: o.getBoundingClientRect().width,
      };
    });
    expect(svg.title).toBe('Cost to develop and train GPT-4: claimed against evidence');
    expect(svg.dashed).toBe(1);
    expect(svg.bars).toBeGreaterThanOrEqual(1);
    expect(svg.axis).toMatch(/US dollars \(USD\)/);
    expect(svg.sources).toMatch(/^Sources: .*Visualizing the Training Costs of AI Models Over Time/);
    expect(svg.background).toBe('rgb(20, 21, 24)'); // the dark scheme's background, not white
    expect(svg.width).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('/numbers lists the numeric claims, largest deviation first, and sorts by title', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/numbers`);
    const rows = page.locator('[data-testid=numbers-list] tbody tr');
    expect(await rows.count()).toBe(11);
    expect(await rows.first().textContent()).toMatch(/GPT-3/);
    await page.click('th >> text=Claim');
    await page.waitForURL(/sort=title/);
    // Titles in the order /numbers sorts them: NFKC, lower-cased (lib/shared/sort-key.ts).
    const titles = await page.locator('[data-testid=numbers-list] tbody tr td:first-child a').allTextContents();
    expect(titles).toHaveLength(11);
    const keys = titles.map((t) => t.normalize('NFKC').toLowerCase().trim());
    expect(keys).toEqual([...keys].sort());
    expect(titles[0]).not.toMatch(/GPT-3/);
    await page.close();
  });

  it('the figure field reads a typed figure back before it is sent, and says what is wrong with an ambiguous one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/claims/gpt4-training-cost-500m/evidence/new`);
    const field = page.locator('[id="f-quantity.text"]');
    await field.fill('5 億美元');
    await expect.poll(() => page.locator('[data-testid=figure-reading]').textContent()).toBe('Will be stored as US$500M (500,000,000 USD). Check it before you submit.');
    await field.fill('500M');
    await expect.poll(() => page.locator('[data-testid=figure-reading]').textContent()).toMatch(/Cannot read this figure: "500M" names no unit/);
    await page.selectOption('[id="f-quantity.unit"]', 'USD');
    await expect.poll(() => page.locator('[data-testid=figure-reading]').textContent()).toMatch(/Will be stored as US\$500M/);
    await page.close();
  });
});

/** One CSV record (RFC 4180 quoting), enough for the chart's data download. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
