import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { launchChromium } from '../helpers/browser';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The interface in English and Traditional Chinese, chosen by Accept-Language or the header's
// switch (a cookie), on the built app and a real browser. The URLs are the same in both.

let server: RunningServer;
let browser: Browser;
let db: Db;

beforeAll(async () => {
  const dir = makeTempDir('claim-ledger-locale-');
  const dbFile = path.join(dir, 'site.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, copyFixture());
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile);
  browser = await launchChromium();
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await db?.destroy();
});

const PAGES = ['/', '/claims/alpha-figure', '/sources/report', '/methodology'];

/** The page as a reader with this Accept-Language (and no JavaScript needed) sees it. */
async function readPage(url: string, acceptLanguage: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'accept-language': acceptLanguage } });
  const page = await context.newPage();
  const res = await page.goto(`${server.url}${url}`);
  expect(res?.status(), url).toBe(200);
  const view = {
    lang: await page.locator('html').getAttribute('lang'),
    nav: await page.locator('nav[aria-label] ul').first().innerText(),
    h1: await page.locator('h1').first().innerText(),
    headings: (await page.locator('h2').allInnerTexts()).join(' | '),
    verdicts: await page.locator('.badge.verdict').allInnerTexts(),
    times: await page.locator('main time').allInnerTexts(),
  };
  await context.close();
  return view;
}

describe('the interface language', () => {
  for (const tag of ['zh-Hant', 'zh-TW', 'zh-HK,zh;q=0.9,en;q=0.5', 'zh']) {
    it(`is Traditional Chinese for Accept-Language: ${tag} on the home, claim, source and methodology pages`, async () => {
      for (const url of PAGES) {
        const view = await readPage(url, tag);
        expect(view.lang, url).toBe('zh-Hant');
        expect(view.nav, url).toContain('聲稱');
        expect(view.nav, url).toContain('來源');
        expect(view.nav, url).toContain('查核方法');
        expect(view.nav, url).not.toContain('Sources');
        expect(view.verdicts.length, url).toBeGreaterThan(0);
        // alpha-figure is misleading, beta unverifiable: their names in Chinese, none in English.
        expect(view.verdicts.join(' '), url).toMatch(/誤導|無法查證/);
        expect(view.verdicts.join(' '), url).not.toMatch(/Misleading|Unverifiable/i);
      }
      expect((await readPage('/methodology', tag)).h1).toBe('查核方法');
      expect((await readPage('/methodology', tag)).headings).toContain('判定尺度');
      expect((await readPage('/', tag)).headings).toContain('最新判定');
      expect((await readPage('/claims/alpha-figure', tag)).headings).toMatch(/證據.*來源/);
      expect((await readPage('/sources/report', tag)).headings).toContain('以此來源為依據的聲稱');
      expect((await readPage('/claims', tag)).h1).toBe('所有聲稱');
    });
  }

  for (const tag of ['en', 'en-GB,en;q=0.8', 'fr-FR,de;q=0.8', 'zh-CN', '']) {
    it(`is English for Accept-Language: ${JSON.stringify(tag)}`, async () => {
      for (const url of PAGES) {
        const view = await readPage(url, tag);
        expect(view.lang, url).toBe('en');
        expect(view.nav, url).toContain('Sources');
        expect(view.nav, url).toContain('Methodology');
        expect(view.verdicts.join(' '), url).toMatch(/Misleading|Unverifiable|misleading|unverifiable/);
      }
      expect((await readPage('/methodology', tag)).headings).toContain('The verdict scale');
      expect((await readPage('/claims/alpha-figure', tag)).headings).toMatch(/Evidence.*Sources/);
      expect((await readPage('/sources/report', tag)).headings).toContain('Claims resting on this source');
      expect((await readPage('/claims', tag)).h1).toBe('All claims');
    });
  }

  it('keeps the claim content as written: the title and the original quote are the same in both', async () => {
    const zh = await readPage('/claims/alpha-figure', 'zh-Hant');
    const en = await readPage('/claims/alpha-figure', 'en');
    expect(zh.h1).toBe(en.h1);
  });

  it('formats dates in the reader’s locale', async () => {
    const zh = await readPage('/', 'zh-Hant');
    const en = await readPage('/', 'en');
    expect(zh.times.length).toBeGreaterThan(0);
    expect(zh.times.every((t) => /^\d{4}年\d{1,2}月(\d{1,2}日)?$|^\d{4}年$/.test(t)), zh.times.join(', ')).toBe(true);
    expect(en.times.every((t) => /^[A-Z][a-z]{2} \d{1,2}, \d{4}$|^[A-Z][a-z]+ \d{4}$|^\d{4}$/.test(t)), en.times.join(', ')).toBe(true);
  });

  for (const javaScriptEnabled of [false, true]) {
    it(`switches with the header's form ${javaScriptEnabled ? 'with' : 'without'} JavaScript: the cookie is set, stays across pages and wins over Accept-Language`, async () => {
      const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'accept-language': 'en-US,en;q=0.9' } });
      const page = await context.newPage();
      await page.goto(`${server.url}/sources/report`);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      // The URL does not change (the switch lands back on the same page), so wait for the language, not the URL;
      // the predicate runs while the next document is being created too, when there is no root element yet.
      await page.getByRole('button', { name: '繁體中文' }).click();
      await page.waitForFunction(() => document.documentElement?.lang === 'zh-Hant');
      expect(page.url()).toBe(`${server.url}/sources/report`);
      const cookie = (await context.cookies()).find((c) => c.name === 'locale');
      expect(cookie?.value).toBe('zh-Hant');
      expect(cookie?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);
      // Across navigation (a link followed, and a fresh load), the choice holds.
      await page.locator('nav[aria-label] a', { hasText: '查核方法' }).click();
      await page.waitForURL(`${server.url}/methodology`);
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === '查核方法');
      await page.goto(`${server.url}/claims/alpha-figure`);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
      expect(await page.locator('nav[aria-label] ul').first().innerText()).toContain('來源');
      // And back to English the same way.
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement?.lang === 'en');
      expect((await context.cookies()).find((c) => c.name === 'locale')?.value).toBe('en');
      await context.close();
    });
  }

  it('refuses an unknown language and never sends the reader off-site', async () => {
    const bad = await fetch(`${server.url}/language`, { method: 'POST', body: new URLSearchParams({ locale: 'xx' }), redirect: 'manual' });
    expect(bad.status).toBe(400);
    const offsite = await fetch(`${server.url}/language`, { method: 'POST', body: new URLSearchParams({ locale: 'zh-Hant' }), headers: { referer: 'https://evil.example/x' }, redirect: 'manual' });
    expect(offsite.status).toBe(303);
    expect(offsite.headers.get('location')).toBe('/');
    expect(offsite.headers.get('set-cookie')).toMatch(/^locale=zh-Hant;/);
  });

  it('has one URL per page: the internal /zh-Hant/… path is not a second address', async () => {
    expect((await fetch(`${server.url}/zh-Hant/methodology`)).status).toBe(404);
    expect((await fetch(`${server.url}/en/methodology`)).status).toBe(404);
  });
});

/**
 * The English catalogue's interface phrases: each message's literal text between its
 * placeholders and tags, kept where it is three words or more (a single word such as
 * "Evidence" could be claim content; a phrase such as "Add a confidence note" is interface).
 */
function englishInterfacePhrases(): string[] {
  const dir = path.resolve(import.meta.dirname, '..', '..', 'messages', 'en');
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      // ICU: drop plural/select bodies' selectors and every {…} and <tag>, keep the words between.
      for (const part of value.split(/\{[^{}]*\}|<\/?[a-z]+>|[{}#]/)) {
        const text = part.replace(/\s+/g, ' ').trim();
        if (text.split(' ').filter((w) => /^[A-Za-z’'-]+[.,:;!?]?$/.test(w)).length >= 3) out.add(text);
      }
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) walk(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  return [...out];
}

describe('a refused form in Traditional Chinese', () => {
  it('says what is wrong in Chinese: the summary, and each field message framed in Chinese with its detail kept', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-language': 'zh-Hant' } });
    const page = await context.newPage();
    await page.goto(`${server.url}/claims/alpha-figure/evidence/new`);
    await page.locator('main button[type=submit]').first().waitFor();
    // Past the browser's own checks, so the server's answer is what is shown.
    await page.evaluate(() => {
      for (const form of document.querySelectorAll('main form')) (form as HTMLFormElement).noValidate = true;
    });
    await page.locator('main button[type=submit]', { hasText: '送出證據' }).click();
    const summary = page.locator('main .form-error');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('有些欄位需要修正');
    const fields = await page.locator('main .field-error').allInnerTexts();
    expect(fields.length).toBeGreaterThan(0);
    for (const message of fields) expect(message).toMatch(/^需要修正（.+）$/);
    await context.close();
  });
});

describe('every main page in Traditional Chinese', () => {
  const PAGES_IN_FULL = [
    '/', '/claims', '/claims/alpha-figure', '/claims/alpha-figure/history', '/claims/alpha-figure/lineage', '/claims/alpha-figure/evidence/new',
    '/sources', '/sources/report', '/sources/report/history', '/sources/report/claims', '/sources/report/evidence',
    '/methodology', '/about', '/search?q=figure', '/numbers', '/sign-in', '/data', '/no-such-page',
  ];

  it('shows none of the English catalogue’s interface phrases, and Chinese in its headings', async () => {
    const phrases = englishInterfacePhrases();
    expect(phrases.length).toBeGreaterThan(200);
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-language': 'zh-Hant' } });
    const page = await context.newPage();
    const leftovers: string[] = [];
    for (const url of PAGES_IN_FULL) {
      await page.goto(`${server.url}${url}`);
      expect(await page.locator('html').getAttribute('lang'), url).toBe('zh-Hant');
      // What a reader sees, less the claim content the page quotes as written.
      const text = await page.evaluate(() => {
        const main = document.body.cloneNode(true) as HTMLElement;
        for (const el of main.querySelectorAll('blockquote, .statement, .analysis, .verdict-summary, .evidence-note, .translation, h1, .source-title, bdi, script, style, noscript, pre, code, [lang]:not(html)')) el.remove();
        return main.innerText;
      });
      for (const phrase of phrases) if (text.includes(phrase)) leftovers.push(`${url}: ${phrase}`);
      const headings = await page.locator('main h2').allInnerTexts();
      for (const h of headings) if (!/\p{Script=Han}/u.test(h)) leftovers.push(`${url}: heading "${h}"`);
    }
    await context.close();
    expect(leftovers).toEqual([]);
    // The same sweep finds the phrases where they belong: the English interface shows them.
    const english = await browser.newContext({ extraHTTPHeaders: { 'accept-language': 'en' } });
    const enPage = await english.newPage();
    let found = 0;
    for (const url of ['/claims/alpha-figure', '/sources/report', '/methodology']) {
      await enPage.goto(`${server.url}${url}`);
      const text = await enPage.evaluate(() => document.body.innerText);
      found += phrases.filter((p) => text.includes(p)).length;
    }
    await english.close();
    expect(found).toBeGreaterThan(30);
  }, 120_000);
});

describe('the page cache, per locale', () => {
  const fetchAs = async (url: string, headers: Record<string, string>) => {
    const res = await fetch(`${server.url}${url}`, { headers });
    const html = await res.text();
    return { res, lang: /<html lang="([^"]+)"/.exec(html)?.[1], html };
  };

  for (const url of ['/methodology', '/claims/alpha-figure', '/sources/report', '/']) {
    it(`keeps ${url} cached separately for each language, and says so to shared caches`, async () => {
      // Interleaved, so a single cache entry for the URL would be caught serving the other language.
      for (let round = 0; round < 2; round++) {
        for (const [headers, lang] of [
          [{ 'accept-language': 'zh-TW' }, 'zh-Hant'],
          [{ 'accept-language': 'en' }, 'en'],
          [{ 'accept-language': 'en', cookie: 'locale=zh-Hant' }, 'zh-Hant'],
          [{ 'accept-language': 'zh-Hant', cookie: 'locale=en' }, 'en'],
        ] as const) {
          const { res, lang: got } = await fetchAs(url, headers);
          expect(got, `${url} ${JSON.stringify(headers)}`).toBe(lang);
          if (round === 1) expect(res.headers.get('x-nextjs-cache'), `${url} ${JSON.stringify(headers)}`).toBe('HIT');
          const vary = res.headers.get('vary') ?? '';
          expect(vary).toMatch(/Accept-Language/i);
          expect(vary).toMatch(/Cookie/i);
        }
      }
    });
  }

  it('draws the lineage graph in the reader’s language, and tells shared caches it varies by language', async () => {
    const zh = await fetch(`${server.url}/claims/alpha-figure/lineage.svg`, { headers: { 'accept-language': 'zh-Hant' } });
    const en = await fetch(`${server.url}/claims/alpha-figure/lineage.svg`, { headers: { 'accept-language': 'en' } });
    expect(zh.status).toBe(200);
    expect(en.status).toBe(200);
    for (const res of [zh, en]) expect(res.headers.get('vary') ?? '').toMatch(/Accept-Language/i);
    expect(zh.headers.get('etag')).not.toBe(en.headers.get('etag'));
    expect(await zh.text()).not.toBe(await en.text());
  });

  it('gives each language its own ETag, so a revalidation never returns the other language', async () => {
    const zh = await fetchAs('/methodology', { 'accept-language': 'zh-Hant' });
    const en = await fetchAs('/methodology', { 'accept-language': 'en' });
    const zhTag = zh.res.headers.get('etag');
    expect(zhTag).toBeTruthy();
    expect(zhTag).not.toBe(en.res.headers.get('etag'));
    const conditional = await fetch(`${server.url}/methodology`, { headers: { 'accept-language': 'en', 'if-none-match': zhTag! } });
    expect(conditional.status).toBe(200);
    expect(await conditional.text()).toContain('<html lang="en"');
  });
});
