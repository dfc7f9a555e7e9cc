/**
 * Write benchmark (not a test; keep it out of CI): `npm run bench:writes [-- --seconds 5]`.
 *
 * Durable evidence writes per second over HTTP, through server.mjs (the built app) on a real
 * SQLite file, at 1, 10 and 50 connections, each write a POST /api/claims/{id}/evidence by
 * an editor's token answered 201 only after its transaction committed. Beside it, in the same
 * run, a bare better-sqlite3 loop inserting the same rows one transaction each, with the
 * app's pragmas (WAL, synchronous=NORMAL): the floor the store itself sets. Prints writes/s,
 * p50/p99 latency and the ratio to the bare loop. The probe that filed issue 9 measured
 * 309–522 writes/s; the target is 1,000/s at 50 connections.
 *
 * With --pg the store is a private PostgreSQL cluster with fsync on (its default: a commit
 * is on disk before the 201), the same routes and the same kernel; the bare loop stays SQLite's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { createPostgresDb, createSqliteDb } from '../db/client';
import { createApiToken } from '../lib/auth/users';
import { prepareStoreOrThrow } from '../lib/history/prepare-store';
import { createEditor, EDITOR_EMAIL } from '../tests/helpers/actors';
import { checkAndIngest, copyFixture } from '../tests/helpers/fixtures';
import { startPostgres } from '../tests/helpers/postgres';
import { ensureNextBuild, startNextServer } from '../tests/helpers/server';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '1,10,50' }, pg: { type: 'boolean', default: false } } });
const seconds = Number(values.seconds);
const connectionCounts = values.connections.split(',').map(Number);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-ledger-bench-writes-'));

function bareInsertLoop(durationMs: number): { writes: number; perSecond: number; p99Ms: number } {
  const file = path.join(dir, 'bare.sqlite');
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table evidence (id text primary key, claim_id text not null, source_id text not null, stance text not null, excerpt text not null, lang text not null, created_at text not null)');
  const insert = db.prepare('insert into evidence values (?, ?, ?, ?, ?, ?, ?)');
  const one = db.transaction((i: number) => insert.run(randomUUID(), 'alpha-figure', 'report', 'context', `bench write ${i}`, 'en', new Date().toISOString()));
  const latencies: number[] = [];
  const start = performance.now();
  let i = 0;
  while (performance.now() - start < durationMs) {
    const t = performance.now();
    one(i++);
    latencies.push(performance.now() - t);
  }
  const elapsed = (performance.now() - start) / 1000;
  db.close();
  latencies.sort((a, b) => a - b);
  return { writes: i, perSecond: i / elapsed, p99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0 };
}

async function main() {
  const file = path.join(dir, 'ledger.sqlite');
  const pg = values.pg ? await startPostgres({ durable: true }) : null;
  const store = pg ? await pg.createDatabase() : null;
  const db = store?.db ?? createSqliteDb(file);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, copyFixture());
  await createEditor(db);
  const { token } = await createApiToken(db, EDITOR_EMAIL, 'bench');
  await db.destroy();
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  const server = await startNextServer(file, store ? { DATABASE_URL: store.url } : {});
  console.log(`bench:writes — ${seconds} s per run, ${pg ? 'PostgreSQL (fsync on)' : 'SQLite (WAL, synchronous=NORMAL)'}, node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`);
  const bare = bareInsertLoop(seconds * 1000);
  console.log(`baseline: bare better-sqlite3 insert loop, one transaction per row: ${bare.perSecond.toFixed(0)} writes/s (p99 ${bare.p99Ms.toFixed(2)} ms)`);
  try {
    let n = 0;
    for (const connections of connectionCounts) {
      const result = await autocannon({
        url: `${server.url}/api/claims/alpha-figure/evidence`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: JSON.stringify({ sourceId: 'report', stance: 'context', excerpt: `bench write ${n++}`, lang: 'en' }) }),
          },
        ],
      });
      const ok = result['2xx'];
      const perSecond = ok / (result.duration || seconds);
      console.log(
        `HTTP, ${String(connections).padStart(2)} connections: ${perSecond.toFixed(0)} durable writes/s (${ok} answered 2xx, ${result.non2xx} other, ${result.errors} errors), ` +
          `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ratio to the bare loop ${(perSecond / bare.perSecond).toFixed(3)}`,
      );
    }
    // The HTTP floor: the same request through the same server and route, refused before any
    // write (an unknown claim: 404 after authentication, parsing and validation). What it costs
    // is Next's and the route's share; no write path can be faster over HTTP than this.
    const floor = await autocannon({
      url: `${server.url}/api/claims/no-such-claim/evidence`,
      connections: Math.max(...connectionCounts),
      duration: seconds,
      requests: [{ method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ sourceId: 'report', stance: 'context', excerpt: 'bench floor', lang: 'en' }) }],
    });
    const refused = floor['4xx'] / (floor.duration || seconds);
    console.log(
      `HTTP floor, ${Math.max(...connectionCounts)} connections, the same POST to an unknown claim (404, nothing written): ${refused.toFixed(0)} requests/s, ` +
        `latency p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms`,
    );
    if (store) {
      const check = createPostgresDb(store.url, { max: 1 });
      const { n } = await check.selectFrom('evidence').select((eb) => eb.fn.countAll<string>().as('n')).where('excerpt', 'like', 'bench write %').executeTakeFirstOrThrow();
      console.log(`stored: ${Number(n)} bench rows`);
      await check.destroy();
    } else {
      const check = new SQLite(file, { readonly: true });
      console.log(`stored: ${(check.prepare("select count(*) as n from evidence where excerpt like 'bench write %'").get() as { n: number }).n} bench rows; integrity ${check.pragma('integrity_check', { simple: true })}`);
      check.close();
    }
  } finally {
    await server.stop();
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
