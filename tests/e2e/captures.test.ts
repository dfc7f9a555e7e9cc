import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createEditor, EDITOR_EMAIL, EDITOR_PASSWORD } from '../helpers/actors';
import { launchChromium } from '../helpers/browser';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The built app through server.mjs in chromium: an editor uploads an archived copy on a source
// page; the evidence quoted from that source then shows "verified" with the copy's date, on the
// source page and the claim page, for readers too (who do not get the copy's full text).

let server: RunningServer;
let browser: Browser;
let db: Db;
let dir: string;

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-captures-e2e-');
  const dbFile = path.join(dir, 'site.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, copyFixture());
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

describe('archived copies on the site', () => {
  it('an editor uploads a copy on the source page, and the evidence quoted from it shows verified with the capture date', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/sources/essay')}`);
    await page.fill('#email', EDITOR_EMAIL);
    await page.fill('#password', EDITOR_PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/sources/essay`), page.click('main button[type=submit]:has-text("Sign in")')]);

    const evidence = page.locator('#evidence-ev-alpha-essay [data-quote-status]');
    expect(await evidence.count()).toBe(0); // no archived copy yet: the excerpt is unmarked

    const file = path.join(dir, 'essay.txt');
    fs.writeFileSync(file, 'An essay\n\nMany figures went round. Alpha cost $50 million. Nobody said where that came from.\n');
    await page.locator('#capture-file').setInputFiles(file);
    await page.click('button:has-text("Upload copy")');
    await expect.poll(() => page.locator('.capture-form [role=status]').textContent(), { timeout: 20_000 }).toMatch(/Copy 1 archived on \d{4}-\d{2}-\d{2}\. Quotes from this source: 1 verified/);

    const today = new Date().toISOString().slice(0, 10);
    await expect.poll(() => evidence.getAttribute('data-quote-status'), { timeout: 20_000 }).toBe('verified');
    expect(await evidence.textContent()).toContain(`capture of ${today}`);
    expect(await page.locator('[data-capture-id]').count()).toBe(1);
    expect(await page.locator('[data-capture-id]').first().textContent()).toMatch(new RegExp(`Copy 1: ${today}, uploaded by ${EDITOR_EMAIL}`));
    await page.screenshot({ path: path.join(process.cwd(), 'artifacts', 'screenshots', 'source-capture.png'), fullPage: true });

    // The editor may read the copy's text.
    await page.click('[data-capture-id] a:has-text("Read the text")');
    await page.waitForURL(/\/sources\/essay\/captures\/cap-/);
    expect(await page.locator('.capture-text').textContent()).toContain('Alpha cost $50 million.');
    await context.close();
  });

  it('a reader sees the status on the claim page but not the copy text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/claims/alpha-figure`);
    const status = page.locator('#evidence-ev-alpha-essay [data-quote-status]');
    expect(await status.getAttribute('data-quote-status')).toBe('verified');
    expect(await status.textContent()).toMatch(/^verified · capture of \d{4}-\d{2}-\d{2}$/);
    // The claim's own passage rests on a source without a copy: it says so rather than pass as verified.
    expect(await page.locator('#passage-0 [data-quote-status]').getAttribute('data-quote-status')).toBe('no-capture');

    const captureId = (await db.selectFrom('capture').select('id').where('source_id', '=', 'essay').executeTakeFirstOrThrow()).id;
    await page.goto(`${server.url}/sources/essay/captures/${captureId}`);
    expect(await page.locator('.notice').textContent()).toContain('shown to editors only');
    expect(await page.locator('.capture-text').count()).toBe(0);
    await context.close();
  });
});
