import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { runIngest } from '../../lib/claims/ingest';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createEditor, EDITOR_EMAIL, EDITOR_PASSWORD } from '../helpers/actors';
import { launchChromium } from '../helpers/browser';
import { ensureNextBuild, REPO_ROOT, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The built app through server.mjs in chromium, over the real claims: an editor pastes an
// article on /intake, sees which sentences the ledger already holds, and downloads drafts;
// a reader is sent to sign in, and the API refuses them.

let server: RunningServer;
let browser: Browser;
let db: Db;
let dir: string;

const ARTICLE = [
  'Analyst: AI bubble is 17 times the dot-com bubble',
  'ChatGPT-4 需投入十倍資金,達 5 億美元;',
  'According to the Zorbland audit office, the Quillon dam cost US$4,200 million in 2019.',
  'The audit office said construction ran 38% over schedule <img src=x onerror="window.__pwned=1"> in March 2024.',
].join('\n');

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-intake-e2e-');
  const dbFile = path.join(dir, 'site.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  const ingest = await runIngest(db, { claimsDir: path.join(REPO_ROOT, 'claims'), seedDir: path.join(REPO_ROOT, 'db', 'seed') });
  if (!ingest.ok) throw new Error('the real claims do not check');
  await createEditor(db);
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile);
  browser = await launchChromium();
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('intake on the site', () => {
  it('an anonymous reader is sent to sign in, and the intake API answers 401', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/intake`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/intake');
    const res = await page.request.post(`${server.url}/api/intake`, { multipart: { text: ARTICLE }, headers: { Origin: server.url } });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
    await context.close();
  });

  it('an editor pastes an article, sees matches to existing claims, and downloads the drafts', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/intake')}`);
    await page.fill('#email', EDITOR_EMAIL);
    await page.fill('#password', EDITOR_PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/intake`), page.click('main button[type=submit]:has-text("Sign in")')]);
    await page.locator('.session a[href="/intake"]').waitFor({ timeout: 10_000 });

    await page.fill('#intake-text', ARTICLE);
    await page.fill('#intake-source', 'gangge-matters-ai-bubble');
    await page.click('button:has-text("Rank sentences")');
    await page.locator('.intake-candidate').first().waitFor({ timeout: 30_000 });

    const gpt4 = page.locator('.intake-candidate', { hasText: 'ChatGPT-4' });
    expect(await gpt4.locator('.intake-match a').first().textContent()).toBe('gpt4-training-cost-500m');
    expect(await gpt4.locator('.intake-match a').first().getAttribute('href')).toBe('/claims/gpt4-training-cost-500m');
    const headline = page.locator('.intake-candidate', { hasText: '17 times the dot-com' });
    expect(await headline.locator('.intake-match').textContent()).toContain('ai-bubble-17x-dotcom');
    const dam = page.locator('.intake-candidate', { hasText: 'Quillon dam' });
    expect(await dam.locator('.intake-new').textContent()).toContain('New');
    expect(await dam.locator('.intake-features').textContent()).toMatch(/money \+2/);

    // The article's markup is shown as text, never as HTML.
    const schedule = page.locator('.intake-candidate', { hasText: 'over schedule' });
    expect(await schedule.locator('.intake-passages').textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('.intake img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // New candidates start ticked; the two matched ones do not.
    expect(await dam.locator('input[type=checkbox]').isChecked()).toBe(true);
    expect(await gpt4.locator('input[type=checkbox]').isChecked()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download 2 drafts")')]);
    expect(download.suggestedFilename()).toBe('drafts-gangge-matters-ai-bubble.zip');
    const files = unzipSync(fs.readFileSync((await download.path())!));
    expect(Object.keys(files).sort()).toEqual(['claims/audit-office-construction-ran-over-38-pct.mdx', 'claims/zorbland-audit-office-quillon-dam-4-2b.mdx']);
    const draft = strFromU8(files['claims/zorbland-audit-office-quillon-dam-4-2b.mdx']!);
    expect(draft).toContain('status: "draft"');
    expect(draft).toContain('text: "According to the Zorbland audit office, the Quillon dam cost US$4,200 million in 2019."');

    // One ticked candidate downloads as one .mdx file.
    await gpt4.locator('input[type=checkbox]').check();
    await dam.locator('input[type=checkbox]').uncheck();
    await schedule.locator('input[type=checkbox]').uncheck();
    const [single] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download 1 draft")')]);
    expect(single.suggestedFilename()).toMatch(/^chatgpt-4-.*\.mdx$/);
    await page.screenshot({ path: path.join(process.cwd(), 'artifacts', 'screenshots', 'intake.png'), fullPage: true });

    // Nothing was written into claims/ on the server.
    expect(fs.existsSync(path.join(REPO_ROOT, 'claims', 'zorbland-audit-office-quillon-dam-4-2b.mdx'))).toBe(false);
    await context.close();
  });
});
