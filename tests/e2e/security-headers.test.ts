import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { getActorByEmailOrThrow } from '../../lib/auth/users';
import { retractEvidence } from '../../lib/evidence/write';
import { createEditor, EDITOR_EMAIL, EDITOR_PASSWORD } from '../helpers/actors';
import { launchChromium } from '../helpers/browser';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The built app through server.mjs, headers and cache lifetimes as a browser, a CDN and an
// attacker's page see them; then every page in chromium with the CSP enforced.

let server: RunningServer;
let browser: Browser;
let db: Db;
let dir: string;
let evidenceId: string;

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-headers-e2e-');
  const dbFile = path.join(dir, 'site.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, copyFixture());
  await createEditor(db);
  evidenceId = 'ev-alpha-essay';
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile);
  browser = await launchChromium();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const PUBLIC_PAGES = [
  '/',
  '/claims',
  '/claims?verdict=false',
  '/sources',
  '/methodology',
  '/search?q=alpha',
  '/sign-in',
  '/claims/alpha-figure',
  '/claims/alpha-figure/history',
  '/claims/alpha-figure/evidence/new',
  '/sources/essay',
  '/sources/essay/claims',
  '/sources/essay/evidence',
  '/sources/essay/history',
  '/sources/graph',
];
const EDITOR_PAGES = ['/review', '/claims/alpha-figure/confidence/new', '/sources/essay/edit', () => `/evidence/${evidenceId}/edit`];

function nonceOf(res: Response): string {
  const csp = res.headers.get('content-security-policy') ?? '';
  const m = /'nonce-([^']+)'/.exec(csp);
  if (!m) throw new Error(`no nonce in ${csp}`);
  return m[1]!;
}

describe('security headers and cache lifetimes', () => {
  it('sends CSP with a nonce, nosniff, referrer and permissions policies and no framing on every page', async () => {
    for (const url of PUBLIC_PAGES) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.status, url).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp, url).not.toContain("'unsafe-inline' 'nonce");
      expect(csp.split('; ').find((d) => d.startsWith('script-src')), url).not.toContain('unsafe-inline');
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
      expect(res.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy'), url).toContain('camera=()');
      // Every script tag carries this response's nonce; none carries another.
      const html = await res.text();
      const tags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length, url).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, url).toContain(`nonce="${nonceOf(res)}"`);
    }
    for (const url of ['/api/claims', '/api/sources/essay', '/api/claims/does-not-exist']) {
      const res = await fetch(`${server.url}${url}`);
      expect(res.headers.get('content-security-policy'), url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it("gives a page served from Next's cache a fresh nonce each time", async () => {
    const first = await fetch(`${server.url}/claims/alpha-figure`);
    await first.text();
    const second = await fetch(`${server.url}/claims/alpha-figure`);
    const html = await second.text();
    expect(second.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(html).toContain(`<script nonce="${nonceOf(second)}"`);
    expect(html).not.toContain(nonceOf(first));
  });

  it('lets a shared cache keep a page only if it revalidates, and answers the revalidation with a 304 until the data changes', async () => {
    const page = await fetch(`${server.url}/claims/alpha-figure`);
    await page.text();
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const etag = page.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    const again = await fetch(`${server.url}/claims/alpha-figure`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // A private page (it depends on who asks) is never stored.
    expect((await fetch(`${server.url}/sign-in`)).headers.get('cache-control')).toMatch(/no-store/);

    for (const url of ['/api/claims', '/api/sources', '/api/claims/alpha-figure']) {
      const res = await fetch(`${server.url}${url}`);
      await res.text();
      expect(res.headers.get('cache-control'), url).toBe('public, max-age=0, must-revalidate');
      const tag = res.headers.get('etag');
      expect(tag, url).toBeTruthy();
      // The list views are Next's cached routes: a cache hit must revalidate too.
      for (let i = 0; i < 2; i++) expect((await fetch(`${server.url}${url}`, { headers: { 'if-none-match': tag! } })).status, url).toBe(304);
    }

    // A retraction (another process's write) changes the page: the old validator no longer matches.
    expect(await (await fetch(`${server.url}/claims/alpha-figure`)).text()).toContain('id="evidence-ev-alpha-report"');
    const target = await db.selectFrom('evidence').select(['id', 'revision']).where('id', '=', 'ev-alpha-report').executeTakeFirstOrThrow();
    await retractEvidence(db, target.id, 'the source withdrew it', target.revision, await getActorByEmailOrThrow(db, EDITOR_EMAIL));
    const changed = await fetch(`${server.url}/claims/alpha-figure`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).not.toContain('id="evidence-ev-alpha-report"');
  });

  it('refuses a cross-origin server-action POST with a 403, not a 500', async () => {
    const res = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      headers: { origin: 'https://attacker.example', 'next-action': '7f'.padEnd(42, '0'), 'content-type': 'text/plain;charset=UTF-8' },
      body: '[]',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // The no-JavaScript form post carries the action in the body: refused the same way.
    const form = new FormData();
    form.set('email', EDITOR_EMAIL);
    const plain = await fetch(`${server.url}/sign-in`, { method: 'POST', headers: { origin: 'null' }, body: form });
    expect(plain.status).toBe(403);
  });
});

async function watchCsp(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction('__reportCspViolation', (v: string) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return violations;
}

function consoleCspErrors(page: Page, into: string[]) {
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) into.push(`${page.url()}: ${m.text()}`);
  });
}

describe('every page in chromium with the CSP enforced', () => {
  it('loads every page with no violation report, and its islands (session, search, forms) work, from the cache too', async () => {
    const context = await browser.newContext();
    const violations = await watchCsp(context);
    const page = await context.newPage();
    consoleCspErrors(page, violations);

    // The search box is an island: typing asks /api/search without a page load.
    await page.goto(`${server.url}/search`);
    await page.locator('#search-q').click();
    await page.keyboard.type('ten times', { delay: 30 });
    await expect.poll(() => page.locator('.search-hit').first().textContent()).toContain('Beta costs ten times alpha');

    // The sign-in form is an island with a server action.
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/claims/alpha-figure')}`);
    await page.fill('#email', EDITOR_EMAIL);
    await page.fill('#password', EDITOR_PASSWORD);
    await Promise.all([page.waitForURL(`${server.url}/claims/alpha-figure`), page.click('main button[type=submit]:has-text("Sign in")')]);

    const all = [...PUBLIC_PAGES, ...EDITOR_PAGES.map((p) => (typeof p === 'function' ? p() : p))];
    // Twice: the second visit is served from Next's cache with a fresh nonce.
    for (const round of [1, 2]) {
      for (const url of all) {
        const res = await page.goto(`${server.url}${url}`);
        expect(res?.status(), url).toBe(200);
        // The session indicator hydrates and asks /api/session: it names the editor on every page.
        await expect.poll(() => page.locator('header .session').textContent(), { message: `${url} (visit ${round})` }).toContain(EDITOR_EMAIL);
      }
    }
    // An editor form works: a confidence note's submission reaches its server action.
    await page.goto(`${server.url}/claims/alpha-figure/evidence/new`);
    await expect(page.locator('form:has(#f-excerpt)').count()).resolves.toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await context.close();
  }, 240_000);

  it('reports a violation when a script without the nonce runs (the watch can fail)', async () => {
    const context = await browser.newContext();
    const violations = await watchCsp(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/methodology`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
    await context.close();
  });
});
