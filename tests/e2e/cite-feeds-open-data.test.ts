import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { DOMParser } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { createApiToken } from '../../lib/auth/users';
import { runIngest } from '../../lib/claims/ingest';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { writeWithRevisions } from '../../lib/history/revision-kernel';
import { writeOpenDataset } from '../../lib/open-data/export';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { ensureNextBuild, REPO_ROOT, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The real ledger served by the built app (server.mjs): citations by link and by Accept header,
// revision permalinks, feeds that follow a write made through the API, sitemaps, the ClaimReview
// data feed and the open dataset at /data.

const GPT4 = 'gpt4-training-cost-500m';
let server: RunningServer;
let db: Db;
let token: string;
let openDir: string;

beforeAll(async () => {
  const dir = makeTempDir('claim-ledger-cite-e2e-');
  const dbFile = path.join(dir, 'site.sqlite');
  openDir = path.join(dir, 'open');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  const result = await runIngest(db, { claimsDir: path.join(REPO_ROOT, 'claims'), seedDir: path.join(REPO_ROOT, 'db', 'seed'), displayRoot: REPO_ROOT });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  await createEditor(db);
  token = (await createApiToken(db, EDITOR_EMAIL, 'e2e')).token;
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile, { OPEN_DATA_DIR: openDir });
}, 360_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
});

const get = (p: string, accept?: string) => fetch(`${server.url}${p}`, { headers: accept ? { accept } : {} });
const parse = async (text: string) => (await Cite.async(text)).data as Array<Record<string, unknown>>;

describe('citations over HTTP', () => {
  it('serves a claim as BibTeX, RIS and CSL-JSON by plain link and by Accept header, pinned to its revision', async () => {
    const bib = await get(`/claims/${GPT4}.bib`);
    expect(bib.status).toBe(200);
    expect(bib.headers.get('content-type')).toMatch(/^application\/x-bibtex/);
    const fromBib = await parse(await bib.text());
    expect(fromBib[0]!.URL).toMatch(new RegExp(`/claims/${GPT4}/v/\\d+$`));
    expect(fromBib.length).toBeGreaterThan(1); // the claim, then its sources

    const ris = await get(`/claims/${GPT4}`, 'application/x-research-info-systems');
    expect(ris.headers.get('content-type')).toMatch(/^application\/x-research-info-systems/);
    const fromRis = await parse(await ris.text());
    expect(fromRis.map((i) => i.title)).toEqual(fromBib.map((i) => i.title));

    const csl = await get(`/claims/${GPT4}`, 'application/vnd.citationstyles.csl+json');
    expect(csl.headers.get('content-type')).toMatch(/^application\/vnd\.citationstyles\.csl\+json/);
    const items = (await csl.json()) as Array<{ id: string; version?: string }>;
    expect(items[0]!.id).toBe(`${GPT4}-v${items[0]!.version}`);

    const html = await get(`/claims/${GPT4}`, 'text/html,application/xhtml+xml');
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('vary') ?? '').toMatch(/Accept/i);
    const page = await html.text();
    expect(page).toContain('class="cite-menu"');
    expect(page).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="[^"]*\/claims\/gpt4-training-cost-500m\/feed\.atom"/);
  });

  it('serves a source as a formatted reference in each bundled style, and rejects an unknown one with a JSON 400', async () => {
    const sourceId = (await db.selectFrom('source').select('id').where('status', '=', 'accepted').where('listed', '=', 1).orderBy('id').executeTakeFirstOrThrow()).id;
    const apa = await (await get(`/sources/${sourceId}/cite/text`)).text();
    const vancouver = await (await get(`/sources/${sourceId}/cite/text?style=vancouver`)).text();
    expect(apa.length).toBeGreaterThan(10);
    expect(vancouver).not.toBe(apa);
    const bad = await get(`/sources/${sourceId}/cite/text?style=chicago`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/style/);
    const ris = await get(`/sources/${sourceId}.ris`);
    expect((await parse(await ris.text()))[0]!.title).toBeTruthy();
    expect((await get('/sources/no-such-source.bib')).status).toBe(404);
  });

  it('shows an older revision at its permalink with a notice once a newer one exists', async () => {
    const current = (await db.selectFrom('claim').select('revision').where('id', '=', GPT4).executeTakeFirstOrThrow()).revision;
    expect(await (await get(`/claims/${GPT4}/v/${current}`)).text()).toContain('the current one');
    expect((await get(`/claims/${GPT4}/v/${current + 1}`)).status).toBe(404);
    await writeWithRevisions(db, { actor: 'e2e' }, async (w) => {
      const row = await w.trx.selectFrom('claim').selectAll().where('id', '=', GPT4).executeTakeFirstOrThrow();
      await w.update('claim', row, { title: `${row.title} (retitled)` }, { action: 'update', reason: 'e2e retitle' });
    });
    const older = (await (await get(`/claims/${GPT4}?rev=${current}`)).text()).replaceAll('<!-- -->', '');
    expect(older).toContain('An older revision.');
    expect(older).toContain(`revision ${current + 1} is newer`);
    const cited = await (await get(`/claims/${GPT4}/v/${current}.csl.json`)).json();
    expect(cited[0]).toMatchObject({ version: String(current) });
    expect(cited[0].title).not.toContain('(retitled)');
  });
});

describe('feeds over HTTP', () => {
  it('a verdict change through the API is in the claim feed and the site feed at the next request, old and new verdict', async () => {
    const before = (await db.selectFrom('claim').select('current_verdict').where('id', '=', GPT4).executeTakeFirstOrThrow()).current_verdict;
    const next = before === 'false' ? 'mixed' : 'false';
    expect((await get(`/claims/${GPT4}/feed.atom`)).status).toBe(200); // cached before the write
    const post = await fetch(`${server.url}/api/claims/${GPT4}/confidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ verdict: next, confidence: 0.4, reason: 'E2E: the verdict changes.' }),
    });
    expect(post.status).toBe(201);
    const labels: Record<string, string> = { false: 'False', mixed: 'Mixed', misleading: 'Misleading', supported: 'Supported', 'mostly-supported': 'Mostly supported', unverifiable: 'Unverifiable', 'not-a-factual-claim': 'Not a factual claim' };
    const expected = `${labels[before]} → ${labels[next]}`;

    const atom = await (await get(`/claims/${GPT4}/feed.atom`)).text();
    const doc = new DOMParser().parseFromString(atom, 'text/xml');
    const first = doc.getElementsByTagName('entry')[0]!;
    expect(first.getElementsByTagName('title')[0]!.textContent).toContain(expected);
    expect(first.getElementsByTagName('id')[0]!.textContent).toMatch(/^tag:claim-ledger,2026:revision\/\d+$/);
    expect(first.getElementsByTagName('updated')[0]!.textContent).toBeTruthy();

    const site = await get('/feed.json');
    expect(site.headers.get('content-type')).toMatch(/^application\/feed\+json/);
    const json = await site.json();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0].title).toContain(expected);
    expect(json.items[0].content_text).toContain('E2E: the verdict changes.');
  });

  it('a topic and a source have feeds; an unknown claim has a JSON 404', async () => {
    const topic = (await db.selectFrom('claim_topic').select('topic').where('claim_id', '=', GPT4).executeTakeFirstOrThrow()).topic;
    expect((await get(`/topics/${encodeURIComponent(topic)}/feed.atom`)).status).toBe(200);
    const source = (await db.selectFrom('source_claim').select('source_id').where('claim_id', '=', GPT4).executeTakeFirstOrThrow()).source_id;
    expect((await get(`/sources/${source}/feed.json`)).status).toBe(200);
    const missing = await get('/claims/no-such-claim/feed.atom');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });
});

describe('sitemaps, the ClaimReview data feed and open data over HTTP', () => {
  it('serves sitemap.xml, robots.txt and the paged ClaimReview DataFeed', async () => {
    const sitemap = new DOMParser().parseFromString(await (await get('/sitemap.xml')).text(), 'text/xml');
    expect(sitemap.documentElement.tagName).toBe('urlset');
    expect([...sitemap.getElementsByTagName('loc')].map((l) => l.textContent)).toContain(`http://localhost:${server.port}/claims/${GPT4}`);
    expect(await (await get('/robots.txt')).text()).toContain(`Sitemap: http://localhost:${server.port}/sitemap.xml`);
    const feed = await get('/data/claim-reviews.json');
    expect(feed.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    const body = await feed.json();
    expect(body['@type']).toBe('DataFeed');
    expect(body.dataFeedElement.every((e: { '@type': string }) => e['@type'] === 'ClaimReview')).toBe(true);
  });

  it('serves the exported open dataset at /data with its date and sizes', async () => {
    const manifest = await writeOpenDataset(db, openDir);
    const page = await (await get('/data')).text();
    expect(page).toContain(manifest.generatedAt.slice(0, 10));
    expect(page).toContain('claims.csv');
    const csv = await get('/data/claims.csv');
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.length).toBe(manifest.files.find((f) => f.name === 'claims.csv')!.bytes);
    expect(bytes.toString('utf8').split('\r\n')[0]).toMatch(/^id,url,revision,title/);
    expect((await get('/data/..%2Fsite.sqlite')).status).toBe(404);
  });
});
