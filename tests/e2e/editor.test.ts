import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createEvidence } from '../../lib/evidence/write';
import { SESSION_COOKIE } from '../../lib/http/request';
import { createEditor, EDITOR_EMAIL, EDITOR_PASSWORD } from '../helpers/actors';
import { launchChromium } from '../helpers/browser';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The built app through server.mjs (what `npm start` runs) on a fresh database, in chromium:
// an editor signs in and adds evidence through the form; a reader without JavaScript proposes
// some; script and HTML payloads in every text field are stored verbatim and rendered inert.

let server: RunningServer;
let browser: Browser;
let db: Db;
let dir: string;

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-editor-e2e-');
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

async function signIn(context: BrowserContext, next = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(next)}`);
  await page.fill('#email', EDITOR_EMAIL);
  await page.fill('#password', EDITOR_PASSWORD);
  await Promise.all([page.waitForURL(`${server.url}${next}`), page.click('main button[type=submit]:has-text("Sign in")')]);
  return page;
}

/** Fills the add-evidence form on the current page; `source` is an existing id or a new source's fields. */
async function fillEvidence(page: Page, fields: { source: string | Record<string, string>; stance: string; target?: string } & Record<string, unknown>) {
  const form = page.locator('form:has(#f-excerpt)').first();
  if (typeof fields.source === 'string') {
    await form.locator('#sourceMode-existing').check();
    await form.locator('#f-sourceId').fill(fields.source);
  } else {
    await form.locator('#sourceMode-new').check();
    for (const [k, v] of Object.entries(fields.source)) {
      if (k === 'type') await form.locator('[id="f-source.type"]').selectOption(v);
      else await form.locator(`[id="f-source.${k}"]`).fill(v);
    }
  }
  await form.locator('#f-stance').selectOption(fields.stance);
  if (fields.target) await form.locator('#f-target').selectOption(fields.target);
  for (const k of ['excerpt', 'lang', 'translation', 'locator', 'asOf', 'note']) {
    if (typeof fields[k] === 'string') await form.locator(`#f-${k}`).fill(fields[k] as string);
  }
  if (typeof fields.figure === 'string') {
    await form.locator('[id="f-quantity.text"]').fill(fields.figure);
    // The figure is read back before it is sent.
    await expect.poll(() => form.locator('[data-testid=figure-reading]').textContent()).toMatch(/^Will be stored as /);
  }
  return form;
}

describe('an editor adds evidence through the site', () => {
  it('refuses a wrong password and an unknown email with the same message, and signs in with an HTTP-only, SameSite cookie', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    for (const [email, password] of [[EDITOR_EMAIL, 'wrong password here'], ['nobody@example.org', EDITOR_PASSWORD]]) {
      await page.goto(`${server.url}/sign-in`);
      await page.fill('#email', email!);
      await page.fill('#password', password!);
      await page.click('main button[type=submit]');
      await page.locator('.form-error').waitFor();
      messages.push((await page.locator('.form-error').textContent()) ?? '');
    }
    expect(messages[0]).toBe(messages[1]);
    expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);

    const signedIn = await signIn(context, '/claims/alpha-figure');
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.expires * 1000).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
    await expect.poll(() => signedIn.locator('.session').textContent()).toContain(EDITOR_EMAIL);
    await expect.poll(() => signedIn.getByRole('link', { name: 'Add a confidence note' }).count()).toBe(1);

    // Sign-out is a POST; afterwards the session is gone from the database too.
    await Promise.all([signedIn.waitForURL(`${server.url}/`), signedIn.click('button:has-text("Sign out")')]);
    expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
    expect(await db.selectFrom('session').selectAll().execute()).toHaveLength(0);
    await context.close();
  });

  it('adds evidence that then shows on the claim page, on its source page and in search', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, '/claims/alpha-figure');
    const before = await page.locator('.evidence').count();
    // The claim page links to the evidence form's own page.
    await page.getByRole('link', { name: 'Add evidence' }).first().click();
    await page.waitForURL(/\/claims\/alpha-figure\/evidence\/new$/);
    const form = await fillEvidence(page, {
      source: 'report',
      stance: 'qualifies',
      target: 'value',
      excerpt: 'The quokkametric estimate was 4.3 million dollars.',
      lang: 'en',
      locator: 'table 2',
      figure: 'US$4.3 million',
      asOf: '2021',
      note: 'See **table 2** and [the report](https://example.org/report).',
    });
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.form-ok').textContent()).toContain('Evidence added: a “qualifies” excerpt from A report');
    // The success message links to the new entry on the claim page, which lists it with its note rendered from Markdown.
    const stored = await db.selectFrom('evidence').select('id').where('excerpt', 'like', '%quokkametric%').executeTakeFirstOrThrow();
    await page.locator('.form-ok a.result-link').click();
    await page.waitForURL(new RegExp(`/claims/alpha-figure#evidence-${stored.id}$`));
    await expect.poll(() => page.locator('.evidence').count()).toBe(before + 1);
    const entry = page.locator('.evidence', { hasText: 'quokkametric' });
    expect(await entry.locator('.evidence-note strong').textContent()).toBe('table 2');
    expect(await entry.locator('.evidence-note a').getAttribute('rel')).toBe('nofollow ugc');

    const row = await db.selectFrom('evidence').selectAll().where('excerpt', 'like', '%quokkametric%').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'accepted', author: EDITOR_EMAIL, claim_id: 'alpha-figure', source_id: 'report', value: 4300000, as_of: '2021' });

    const reader = await browser.newPage();
    await reader.goto(`${server.url}/claims/alpha-figure`);
    expect(await reader.locator(`#evidence-${row.id} blockquote`).textContent()).toBe('The quokkametric estimate was 4.3 million dollars.');
    // Readers get no editor controls: the page is the same cached page for everyone.
    expect(await reader.getByRole('link', { name: 'Edit or retract' }).count()).toBe(0);
    await reader.goto(`${server.url}/sources/report`);
    expect(await reader.locator(`#evidence-${row.id}`).textContent()).toContain('quokkametric');
    await expect
      .poll(async () => {
        await reader.goto(`${server.url}/search?q=quokkametric`);
        return reader.locator('main').textContent();
      }, { timeout: 15_000 })
      .toContain('quokkametric');
    expect(await reader.locator('main a[href="/claims/alpha-figure"], main a[href^="/claims/alpha-figure#"]').count()).toBeGreaterThan(0);
    await context.close();
    await reader.close();
  });

  it('offers the existing source when a new inline source duplicates one, and shows messages next to the fields', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, '/claims/beta-figure/evidence/new');
    let form = await fillEvidence(page, {
      source: { url: 'https://example.org/essay/', title: 'The essay again', type: 'blog' },
      stance: 'context',
      excerpt: 'A context line.',
      lang: 'en',
    });
    await form.locator('button[type=submit]').click();
    await page.locator('.notice', { hasText: 'already in the ledger' }).waitFor();
    expect(await page.locator('#f-sourceId').inputValue()).toBe('essay');
    expect(await page.locator('#sourceMode-existing').isChecked()).toBe(true);

    form = page.locator('form:has(#f-excerpt)');
    await form.locator('#f-excerpt').fill('Cut quote … here');
    await form.locator('#f-lang').fill('not a tag!');
    await form.locator('button[type=submit]').click();
    await page.locator('#err-excerpt').waitFor();
    expect(await page.locator('#err-excerpt').textContent()).toContain('ellipsis');
    expect(await page.locator('#err-lang').textContent()).toBeTruthy();
    expect(await page.locator('#f-excerpt').inputValue()).toBe('Cut quote … here');
    expect(await db.selectFrom('evidence').select('id').where('claim_id', '=', 'beta-figure').where('excerpt', 'like', 'Cut quote%').execute()).toHaveLength(0);
    await context.close();
  });
});

describe('the add-evidence form without JavaScript', () => {
  it('stores an anonymous submission as a proposal and the claim page then counts it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/claims/beta-figure`);
    expect(await page.getByText('awaiting review').count()).toBe(0);
    await page.goto(`${server.url}/claims/beta-figure/evidence/new`);
    // The form offers the sources this claim rests on and the most used ones, never the whole ledger.
    const offered = await page.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(['blog-post']));
    const form = await fillEvidence(page, { source: 'blog-post', stance: 'supports', excerpt: 'Beta was ten times alpha, per the nojsquote table.', lang: 'en' });
    await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
    await page.locator('.form-ok').waitFor();
    expect(await page.locator('.form-ok').textContent()).toContain('awaits review');
    const row = await db.selectFrom('evidence').selectAll().where('excerpt', 'like', '%nojsquote%').executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.author).toBe('anonymous');
    // A fresh request for the cached page shows the count, and not the proposal itself.
    await page.goto(`${server.url}/claims/beta-figure`);
    expect(await page.locator('#evidence-heading + p').textContent()).toContain('1 proposal awaiting review');
    expect(await page.getByText('nojsquote').count()).toBe(0);
    await page.goto(`${server.url}/claims/beta-figure/evidence/new`);
    const all = await page.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(all).toEqual(expect.arrayContaining(['blog-post', 'essay', 'report']));
    await context.close();
  });
});

// ---------------------------------------------------------------------------
// Script and HTML payloads
// ---------------------------------------------------------------------------

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)></iframe>",
  '{1+1} {alert(1)} ${alert(1)}',
  '<a href="javascript:alert(1)">a</a>',
].join(' ');
const MD_LINKS = '[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html,<script>alert(1)</script>) <javascript:alert(1)>';

interface PageShape {
  scripts: string[];
}

/** What the page's own scripts look like: external bundles by path, inline ones by kind. */
async function scriptSignatures(page: Page): Promise<string[]> {
  return page.locator('script').evaluateAll((els) =>
    els.map((e) => {
      const s = e as HTMLScriptElement;
      if (s.src) return `src:${new URL(s.src).pathname.replace(/[^/]+$/, '')}`;
      const text = s.textContent ?? '';
      return `inline:${s.type}:${text.startsWith('self.__next_f') || text.startsWith('(self.__next_f') ? 'next-flight' : text.slice(0, 24)}`;
    }),
  );
}

async function shapeOf(page: Page): Promise<PageShape> {
  return { scripts: [...new Set(await scriptSignatures(page))] };
}

/** Asserts that nothing submitted became markup or script on this page. */
async function expectInert(page: Page, baseline: PageShape, dialogs: string[]) {
  const scripts = new Set(await scriptSignatures(page));
  for (const s of scripts) expect(baseline.scripts, `unexpected script ${s}`).toContain(s);
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
  );
  expect(handlers).toEqual([]);
  expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i], iframe, svg[onload], img[src="x"]').count()).toBe(0);
  const hrefs = await page.locator('a[href]').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).protocol));
  expect(hrefs.filter((p) => p !== 'http:' && p !== 'https:')).toEqual([]);
  expect(dialogs).toEqual([]);
}

describe('script and HTML payloads in every text field', () => {
  // Ten page visits, each waiting for the network to go quiet (the claim page also loads its lineage drawing).
  it('are stored verbatim and rendered as inert text on the claim, source, history and review pages', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, '/');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    // The same routes before anything hostile was stored: the scripts a clean page has.
    const baselines: Record<string, PageShape> = {};
    for (const [name, url] of [
      ['claim', '/claims/alpha-figure'],
      ['source', '/sources/report'],
      ['history', '/claims/alpha-figure/history'],
      ['review', '/review'],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      await page.waitForLoadState('networkidle');
      baselines[name] = await shapeOf(page);
    }

    const payload = {
      excerpt: `${XSS} xssexcerptword`,
      translation: `${XSS} ${MD_LINKS}`,
      locator: '"><svg onload=alert(1)> [x](javascript:alert(1)) {1+1}',
      note: `${XSS}\n\n${MD_LINKS}\n\n<script>alert(2)</script>`,
      title: `<script>alert(1)</script> "><svg onload=alert(1)> {1+1}`,
      publisher: '<img src=x onerror=alert(1)> {alert(1)}',
    };
    await page.goto(`${server.url}/claims/alpha-figure/evidence/new`);
    const form = await fillEvidence(page, {
      source: { url: 'https://xss.example.org/page?q=%22%3E%3Csvg%20onload%3Dalert(1)%3E', title: payload.title, publisher: payload.publisher, type: 'news' },
      stance: 'context',
      excerpt: payload.excerpt,
      lang: 'en',
      translation: payload.translation,
      locator: payload.locator,
      note: payload.note,
    });
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('.form-ok').textContent(), { timeout: 15_000 }).toContain('Evidence added');

    const row = await db.selectFrom('evidence').selectAll().where('excerpt', 'like', '%xssexcerptword%').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ excerpt: payload.excerpt, translation: payload.translation, locator: payload.locator, note: payload.note, status: 'accepted' });
    const source = await db.selectFrom('source').selectAll().where('id', '=', row.source_id).executeTakeFirstOrThrow();
    expect(source).toMatchObject({ title: payload.title, publisher: payload.publisher });

    // An anonymous proposal carrying the same payloads, for the review queue.
    const anon = await browser.newContext();
    const anonPage = await anon.newPage();
    await anonPage.goto(`${server.url}/claims/alpha-figure/evidence/new`);
    const anonForm = await fillEvidence(anonPage, { source: 'report', stance: 'supports', excerpt: `${XSS} xssproposalword`, lang: 'en', note: payload.note, translation: payload.translation, locator: payload.locator });
    await anonForm.locator('button[type=submit]').click();
    await expect.poll(() => anonPage.locator('.form-ok').textContent(), { timeout: 15_000 }).toContain('awaits review');
    await anon.close();
    expect((await db.selectFrom('evidence').select('note').where('excerpt', 'like', '%xssproposalword%').executeTakeFirstOrThrow()).note).toBe(payload.note);

    const checks: Array<[keyof typeof baselines, string, string]> = [
      ['claim', '/claims/alpha-figure', 'xssexcerptword'],
      ['source', `/sources/${row.source_id}`, 'xssexcerptword'],
      ['history', '/claims/alpha-figure/history', 'xssexcerptword'],
      ['review', '/review', 'xssproposalword'],
    ];
    for (const [name, url, word] of checks) {
      await page.goto(`${server.url}${url}`);
      await page.waitForLoadState('networkidle');
      // The payload is on the page, as text.
      expect(await page.locator('main').textContent(), url).toContain(`<script>alert(1)</script>`);
      expect(await page.locator('main').textContent(), url).toContain(word);
      await expectInert(page, baselines[name]!, dialogs);
    }
    // In the note, raw HTML is dropped and no link is made of a javascript: or data: URL; the link texts stay.
    await page.goto(`${server.url}/claims/alpha-figure`);
    const note = page.locator(`#evidence-${row.id} .evidence-note`);
    expect(await note.locator('a, script, img, svg, iframe').count()).toBe(0);
    expect(await note.textContent()).toContain('x y z');
    // Elsewhere the same text is shown exactly as submitted.
    expect(await page.locator(`#evidence-${row.id} blockquote`).textContent()).toBe(payload.excerpt);
    expect(await page.locator(`#evidence-${row.id} .translation`).textContent()).toBe(payload.translation);
    await context.close();
  }, 90_000);
});

describe('server actions check the caller themselves', () => {
  /** The fields a form would post (hidden action fields included), as the page rendered them. */
  async function formFields(page: Page, selector: string): Promise<Array<[string, string]>> {
    return page.locator(selector).first().evaluate((f) => [...new FormData(f as HTMLFormElement).entries()].map(([k, v]) => [k, String(v)] as [string, string]));
  }
  function post(url: string, fields: Array<[string, string]>, headers: Record<string, string>) {
    const body = new FormData();
    for (const [k, v] of fields) body.append(k, v);
    return fetch(url, { method: 'POST', body, headers, redirect: 'manual' });
  }
  const count = async () => (await db.selectFrom('evidence').select('id').execute()).length;

  it('store nothing from a cross-origin form post, and nothing from an editor-only form posted without a session', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/claims/beta-figure/evidence/new`);
    await fillEvidence(page, { source: 'blog-post', stance: 'supports', excerpt: 'Posted from elsewhere crossoriginword.', lang: 'en' });
    const evidenceForm = await formFields(page, 'form:has(#f-excerpt)');
    const before = await count();
    await post(`${server.url}/claims/beta-figure/evidence/new`, evidenceForm, { origin: 'https://evil.example' });
    expect(await count()).toBe(before);
    // The same fields from this site's origin are accepted (as a proposal): the refusal was the origin's doing.
    const same = await post(`${server.url}/claims/beta-figure/evidence/new`, evidenceForm, { origin: server.url });
    expect(same.status).toBe(200);
    expect(await count()).toBe(before + 1);
    await page.close();

    // An editor's review form (as rendered without JavaScript, hidden action fields and all),
    // replayed without the editor's cookie, decides nothing; with the cookie it does.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const editorPage = await signIn(context, '/review');
    const pending = await db.selectFrom('evidence').select('id').where('status', '=', 'pending').execute();
    expect(pending.length).toBeGreaterThan(0);
    const reviewForm = (await formFields(editorPage, '.review-form')).concat([['decision', 'accept']]);
    const id = reviewForm.find(([k]) => k === 'id')![1];
    const anonymous = await post(`${server.url}/review`, reviewForm, { origin: server.url });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/sign-in');
    expect((await db.selectFrom('evidence').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('pending');
    const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    const asEditor = await post(`${server.url}/review`, reviewForm, { origin: server.url, cookie: `${cookie.name}=${cookie.value}` });
    expect(asEditor.status).toBe(303);
    expect(await db.selectFrom('evidence').select(['status', 'reviewed_by']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'accepted', reviewed_by: EDITOR_EMAIL });
    await context.close();
  });
});

describe('editing, review and history on the site', () => {
  it('refuses a stale edit showing the current version, retracts with a reason, restores from the history, reviews proposals and adds a confidence note', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, '/claims/alpha-figure');
    const id = 'ev-alpha-report';
    const start = await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

    // Two tabs open the same revision; the first saves, the second is refused.
    const other = await context.newPage();
    await page.goto(`${server.url}/evidence/${id}/edit`);
    await other.goto(`${server.url}/evidence/${id}/edit`);
    await page.locator('#f-locator').fill('table 1, row 3');
    await Promise.all([page.waitForURL(/\/claims\/alpha-figure/), page.click('main button:has-text("Save changes")')]);
    await other.locator('#f-note').fill('A note from the stale tab.');
    await other.click('main button:has-text("Save changes")');
    await other.locator('.conflict').waitFor();
    expect(await other.locator('.conflict').textContent()).toContain('table 1, row 3');
    expect(await other.locator('#f-note').inputValue()).toBe('A note from the stale tab.');
    const afterFirst = await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(afterFirst).toMatchObject({ revision: start.revision + 1, locator: 'table 1, row 3', note: start.note });

    // Retract with a reason: gone from the claim page, kept in the history.
    await page.goto(`${server.url}/evidence/${id}/edit`);
    await page.locator('#f-reason').fill('Superseded by the 2024 edition.');
    await Promise.all([page.waitForURL(/\/history$/), page.click('main button:has-text("Retract this entry")')]);
    expect(await page.locator('.revision').first().textContent()).toContain('Superseded by the 2024 edition.');
    const reader = await browser.newPage();
    await reader.goto(`${server.url}/claims/alpha-figure`);
    expect(await reader.locator(`#evidence-${id}`).count()).toBe(0);
    await reader.goto(`${server.url}/claims/alpha-figure/history`);
    expect(await reader.getByRole('button', { name: 'Restore this version' }).count()).toBe(0);
    expect(await reader.locator('.revision', { hasText: 'retracted by' }).count()).toBeGreaterThan(0);

    // Restore the first revision: the exact earlier content comes back as a new revision.
    await page.locator('.revision', { hasText: `${id} revision 1:` }).getByRole('button', { name: 'Restore this version' }).click();
    await page.locator('.form-ok', { hasText: 'Restored' }).waitFor();
    const restored = await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(restored).toMatchObject({ locator: start.locator, note: start.note, excerpt: start.excerpt, retracted_at: null, revision: start.revision + 3 });
    await reader.goto(`${server.url}/claims/alpha-figure`);
    expect(await reader.locator(`#evidence-${id} blockquote`).textContent()).toBe(start.excerpt);

    // Review: a rejection needs a reason, and keeps it with who decided.
    const proposalId = (
      await createEvidence(
        db,
        'beta-figure',
        { sourceId: 'essay', stance: 'supports', target: 'whole', excerpt: 'A proposal to reject.', lang: 'en', translation: null, locator: null, value: null, unit: null, asOf: null, note: null },
        { kind: 'anonymous', clientKey: 'e2e' },
      )
    ).id;
    await page.goto(`${server.url}/review`);
    const first = page.locator(`#proposal-${proposalId}`);
    await first.getByRole('button', { name: 'Reject' }).click();
    await page.locator('.form-error').waitFor();
    expect((await db.selectFrom('evidence').select('status').where('id', '=', proposalId).executeTakeFirstOrThrow()).status).toBe('pending');
    await page.locator(`#proposal-${proposalId} textarea`).fill('Not a quote from the source.');
    await page.locator(`#proposal-${proposalId}`).getByRole('button', { name: 'Reject' }).click();
    await page.locator('.form-ok', { hasText: 'rejected' }).waitFor();
    expect(await db.selectFrom('evidence').select(['status', 'reviewed_by', 'review_reason']).where('id', '=', proposalId).executeTakeFirstOrThrow()).toEqual({
      status: 'rejected',
      reviewed_by: EDITOR_EMAIL,
      review_reason: 'Not a quote from the source.',
    });

    // A confidence note with a new verdict becomes the current verdict.
    await page.goto(`${server.url}/claims/alpha-figure/confidence/new`);
    await page.locator('#f-confidence').fill('0.85');
    await page.locator('#f-verdict').selectOption('false');
    await page.locator('#f-reason').fill('The report’s table contradicts the figure.');
    await page.locator(`#ev-${id}`).check();
    await Promise.all([page.waitForURL(/\/claims\/alpha-figure#verdict-heading$/), page.click('main button:has-text("Add the note")')]);
    await reader.goto(`${server.url}/claims/alpha-figure`);
    expect(await reader.locator('.claim-facts').textContent()).toContain('False');
    expect(await reader.locator('.notes').textContent()).toContain('The report’s table contradicts the figure.');
    await reader.close();
    await context.close();
  }, 90_000);

  it('sends readers of editor pages to sign in, and lets an editor regrade a source from the revision it opened', async () => {
    const anon = await browser.newPage();
    for (const url of ['/review', '/evidence/ev-alpha-report/edit', '/sources/report/edit', '/claims/alpha-figure/confidence/new']) {
      await anon.goto(`${server.url}${url}`);
      expect(new URL(anon.url()).pathname).toBe('/sign-in');
      expect(new URL(anon.url()).searchParams.get('next')).toBe(url);
    }
    await anon.close();

    const context = await browser.newContext();
    const page = await signIn(context, '/sources/report/edit');
    const opened = await db.selectFrom('source').selectAll().where('id', '=', 'report').executeTakeFirstOrThrow();
    await page.locator('#f-reliability').selectOption('B');
    await page.locator('#f-reliabilityReason').fill('Institute report, methods published.');
    await page.locator('#f-copies').fill('archive https://web.archive.org/web/2024/https://example.org/report snapshot');
    await Promise.all([page.waitForURL(`${server.url}/sources/report`), page.click('main button:has-text("Save source")')]);
    const row = await db.selectFrom('source').selectAll().where('id', '=', 'report').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reliability: 'B', reliability_reason: 'Institute report, methods published.' });
    expect(JSON.parse(row.copies)).toEqual([{ kind: 'archive', url: 'https://web.archive.org/web/2024/https://example.org/report', note: 'snapshot' }]);
    expect(await page.locator('main').textContent()).toContain('archive copy');
    // A URL people supplied links without endorsement or opener access.
    expect(await page.locator('main a[href^="https://web.archive.org/"]').getAttribute('rel')).toBe('nofollow ugc noopener noreferrer');

    // The source's history shows the edit; restoring the version opened brings its grade back as a new revision.
    await Promise.all([page.waitForURL(`${server.url}/sources/report/history`), page.getByRole('link', { name: 'History' }).click()]);
    expect(await page.locator('.revision').first().textContent()).toContain(`Revision ${opened.revision + 1}: edited by ${EDITOR_EMAIL}`);
    await page.locator('.revision', { hasText: `Revision ${opened.revision}:` }).getByRole('button', { name: 'Restore this version' }).click();
    await page.locator('.form-ok', { hasText: 'Restored' }).waitFor();
    const restored = await db.selectFrom('source').selectAll().where('id', '=', 'report').executeTakeFirstOrThrow();
    expect(restored).toMatchObject({ reliability: opened.reliability, reliability_reason: opened.reliability_reason, copies: opened.copies, revision: opened.revision + 2 });
    const reader = await browser.newPage();
    await reader.goto(`${server.url}/sources/report/history`);
    expect(await reader.locator('.revision').first().textContent()).toContain('restored by');
    expect(await reader.getByRole('button', { name: 'Restore this version' }).count()).toBe(0);

    // A crafted ?error= never puts its own words on the page: only fixed messages for known codes.
    const crafted = 'Your account is locked: call +1 555 0100';
    for (const url of [`/sources/report/history?error=${encodeURIComponent(crafted)}`, `/claims/alpha-figure/history?error=${encodeURIComponent(crafted)}`, `/review?error=${encodeURIComponent(crafted)}`]) {
      const tab = url.startsWith('/review') ? page : reader;
      await tab.goto(`${server.url}${url}`);
      expect(await tab.locator('main').textContent(), url).not.toContain(crafted);
      expect(await tab.locator('.form-error').textContent(), url).toContain('Something went wrong');
    }
    await reader.close();

    // An over-long review reason is refused with a message, not cut short: the proposal stays pending.
    const proposalId = (
      await createEvidence(
        db,
        'beta-figure',
        { sourceId: 'essay', stance: 'supports', target: 'whole', excerpt: 'A proposal with a long rejection.', lang: 'en', translation: null, locator: null, value: null, unit: null, asOf: null, note: null },
        { kind: 'anonymous', clientKey: 'e2e-long-reason' },
      )
    ).id;
    await page.goto(`${server.url}/review`);
    const reason = page.locator(`#proposal-${proposalId} textarea`);
    await reason.evaluate((el) => el.removeAttribute('maxlength'));
    await reason.fill('x'.repeat(5001));
    await page.locator(`#proposal-${proposalId}`).getByRole('button', { name: 'Reject' }).click();
    await page.locator('.form-error', { hasText: 'too long' }).waitFor();
    expect(await db.selectFrom('evidence').select(['status', 'review_reason']).where('id', '=', proposalId).executeTakeFirstOrThrow()).toEqual({ status: 'pending', review_reason: null });
    await context.close();
  }, 90_000);
});
