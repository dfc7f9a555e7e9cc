import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { getActorByEmailOrThrow } from '../../lib/auth/users';
import { retractEvidence } from '../../lib/evidence/write';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, getFreePort, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// Debian's varnish in front of server.mjs, with its built-in rules (it honours s-maxage and
// max-age): what any CDN or caching proxy would do with the lifetimes the app states.
const VARNISHD = '/usr/sbin/varnishd';

let server: RunningServer;
let varnish: ChildProcess;
let proxyUrl: string;
let db: Db;
let dir: string;
let log = '';

beforeAll(async () => {
  if (!fs.existsSync(VARNISHD)) throw new Error(`${VARNISHD} not found: install it with \`apt-get install -y varnish\` (.ci/run does).`);
  dir = makeTempDir('claim-ledger-varnish-');
  const dbFile = path.join(dir, 'site.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, copyFixture());
  await createEditor(db);
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile);
  const port = await getFreePort();
  // -j none: run as the test's user (as root it would switch to the varnish user, which cannot read the temp folder).
  varnish = spawn(VARNISHD, ['-F', '-j', 'none', '-n', path.join(dir, 'varnish'), '-a', `127.0.0.1:${port}`, '-b', `127.0.0.1:${server.port}`, '-s', 'malloc,32m'], { stdio: ['ignore', 'pipe', 'pipe'] });
  varnish.stdout?.on('data', (d) => (log += d));
  varnish.stderr?.on('data', (d) => (log += d));
  proxyUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (varnish.exitCode !== null) throw new Error(`varnishd exited:\n${log}`);
    try {
      if ((await fetch(`${proxyUrl}/methodology`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`varnishd did not answer:\n${log}`);
    await sleep(200);
  }
}, 400_000);

afterAll(async () => {
  varnish?.kill('SIGTERM');
  await server?.stop();
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Varnish's X-Varnish header names one transaction on a miss and two (this one and the cached object's) on a hit. */
const isHit = (res: Response) => (res.headers.get('x-varnish') ?? '').trim().split(/\s+/).length === 2;

describe('through a caching proxy (varnish)', () => {
  it('caches what the app says lasts (hashed static files), so the proxy is really caching', async () => {
    const html = await (await fetch(`${proxyUrl}/`)).text();
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    await (await fetch(`${proxyUrl}${asset}`)).arrayBuffer();
    const again = await fetch(`${proxyUrl}${asset}`);
    await again.arrayBuffer();
    expect(again.headers.get('cache-control')).toContain('immutable');
    expect(isHit(again)).toBe(true);
  });

  it('shows a retraction at the next request: pages are stated as max-age=0, must-revalidate', async () => {
    const url = `${proxyUrl}/claims/alpha-figure`;
    const first = await fetch(url);
    expect(await first.text()).toContain('id="evidence-ev-alpha-report"');
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const second = await fetch(url);
    await second.text();
    expect(isHit(second), 'a page the app says is stale at once is not served from the proxy').toBe(false);

    const target = await db.selectFrom('evidence').select(['id', 'revision']).where('id', '=', 'ev-alpha-report').executeTakeFirstOrThrow();
    await retractEvidence(db, target.id, 'the report withdrew the figure', target.revision, await getActorByEmailOrThrow(db, EDITOR_EMAIL));
    const retractedAt = Date.now();
    const after = await fetch(url);
    const body = await after.text();
    // The stated lifetime is zero seconds: the very next request through the proxy shows it.
    expect(body).not.toContain('id="evidence-ev-alpha-report"');
    expect(Date.now() - retractedAt).toBeLessThan(5_000);
    // The same holds for the list API a client polls.
    const api = (await (await fetch(`${proxyUrl}/api/claims/alpha-figure`)).json()) as { evidence: Array<{ id: string }> };
    expect(api.evidence.map((e) => e.id)).not.toContain('ev-alpha-report');
  });

  it('never serves one language to a reader of the other: pages vary by Accept-Language and the language cookie', async () => {
    const langOf = async (headers: Record<string, string>) => {
      const res = await fetch(`${proxyUrl}/methodology`, { headers });
      const html = await res.text();
      expect(res.headers.get('vary') ?? '').toMatch(/Accept-Language/i);
      expect(res.headers.get('vary') ?? '').toMatch(/Cookie/i);
      return /<html lang="([^"]+)"/.exec(html)?.[1];
    };
    // Interleaved, twice: a proxy keeping one copy per URL would hand the second reader the first one's.
    for (let round = 0; round < 2; round++) {
      expect(await langOf({ 'accept-language': 'zh-TW' })).toBe('zh-Hant');
      expect(await langOf({ 'accept-language': 'en' })).toBe('en');
      expect(await langOf({ 'accept-language': 'en', cookie: 'locale=zh-Hant' })).toBe('zh-Hant');
      expect(await langOf({})).toBe('en');
    }
  });
});
