/**
 * The scale benchmark (not a test; keep it out of CI):
 *   npm run bench:scale -- --sizes 1000,10000,100000 [--pg] [--duration 5] [--connections 20] [--ingest-only]
 *
 * For each size it generates the ledger of scripts/scale/ledger-generator.ts (copies of the
 * real claims, same sources, 4–10 bilingual evidence entries each, notes and edits) and
 * measures, in the same run:
 * - ingest: `claims ingest` of every file (a process, start-up included) against a bare
 *   @mdx-js/mdx `compile` of the same bodies in this process; then the whole `claims ingest`
 *   process after one file changed;
 * - serving: server.mjs on that store, each route loaded by autocannon (20 connections,
 *   5 s, after a warm-up), req/s and p99, the body size, and req/s as a ratio to the static
 *   /methodology of the same build measured in the same run (before and after the routes).
 * Targets (issue 8): cached claim and source pages ≥ 0.8× /methodology; /claims, /sources,
 * /api/claims (first and a deep cursor page) ≥ 0.5×; p99 < 100 ms; no HTML page over 150 KB;
 * full ingest ≤ 1.2× the bare compile; one changed file ≤ 1 s. A missed target is printed with
 * by how much. With --pg the store is a private PostgreSQL cluster (serving and ingest).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import autocannon from 'autocannon';
import { createDb, type Db } from '../db/client';
import { prepareStoreOrThrow } from '../lib/history/prepare-store';
import { encodeCursor } from '../lib/shared/keyset';
import { ensureNextBuild, REPO_ROOT, startNextServer } from '../tests/helpers/server';
import { startPostgres, type PostgresServer } from '../tests/helpers/postgres';
import { generatedClaimId, loadTemplates, populateScaleStore, writeScaleFiles } from './scale/ledger-generator';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SIZES = (arg('--sizes') ?? '1000,10000').split(',').map(Number);
const DURATION = Number(arg('--duration') ?? 5);
const CONNECTIONS = Number(arg('--connections') ?? 20);
const PG = args.includes('--pg');
/** Only the ingest figures (no store population, no server). */
const INGEST_ONLY = args.includes('--ingest-only');
const WORK = path.join(os.tmpdir(), 'claim-ledger-bench-scale');
const CLI = path.join(REPO_ROOT, 'bin', 'claims.mjs');
const ARTICLE = 'gangge-matters-ai-bubble';

const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function runCli(databaseUrl: string, cliArgs: string[]): { wallMs: number; stdout: string } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...cliArgs], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`claims ${cliArgs.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return { wallMs, stdout: r.stdout };
}

async function benchIngest(size: number, databaseUrl: string, dir: string) {
  const templates = await loadTemplates();
  const files = writeScaleFiles(dir, size, templates);
  const names = fs.readdirSync(files.claimsDir).filter((n) => n.endsWith('.mdx'));
  // Bare compile of the same bodies: the cost of MDX itself, single-threaded, in this process.
  const bodies = names.map((n) => fs.readFileSync(path.join(files.claimsDir, n), 'utf8').split(/^---[ \t]*$/m).slice(2).join('---'));
  for (const b of bodies.slice(0, 50)) await compile(b); // JIT warm-up
  const t = performance.now();
  for (const b of bodies) await compile(b);
  const bareMs = performance.now() - t;

  runCli(databaseUrl, ['migrate']);
  const full = runCli(databaseUrl, ['ingest', '--dir', files.claimsDir, '--seed-dir', files.seedDir]);
  const changed = path.join(files.claimsDir, names[Math.floor(names.length / 2)]!);
  fs.appendFileSync(changed, '\nOne more sentence of analysis.\n');
  const one = runCli(databaseUrl, ['ingest', '--dir', files.claimsDir, '--seed-dir', files.seedDir]);
  const check = runCli(databaseUrl, ['check', '--dir', files.claimsDir, '--seed-dir', files.seedDir]);
  return { templates, bareMs, fullMs: full.wallMs, fullSplit: full.stdout.trim().split('\n').at(-1)!, oneMs: one.wallMs, oneSplit: one.stdout.trim().split('\n').at(-1)!, checkMs: check.wallMs, files: names.length };
}

interface RouteResult {
  route: string;
  kind: 'static' | 'cached page' | 'list' | 'api list' | 'other';
  rps: number;
  p99: number;
  bytes: number;
  non2xx: number;
}

async function load(url: string): Promise<{ rps: number; p99: number; non2xx: number }> {
  await autocannon({ url, connections: 2, amount: 40 });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx };
}

async function deepCursors(db: Db, size: number) {
  const claimRow = await db.selectFrom('claim').select(['sort_title', 'id']).where('listed', '=', 1).orderBy('sort_title').orderBy('id').offset(Math.floor(size * 0.9)).limit(1).executeTakeFirstOrThrow();
  const sources = Number((await db.selectFrom('source').select((eb) => eb.fn.countAll<number>().as('n')).where('listed', '=', 1).executeTakeFirstOrThrow()).n);
  const sourceRow = await db
    .selectFrom('source')
    .select(['use_rank', 'sort_title', 'id'])
    .where('listed', '=', 1)
    .orderBy('use_rank')
    .orderBy('sort_title')
    .orderBy('id')
    .offset(Math.floor(sources * 0.9))
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    claims: encodeCursor({ order: 'title:asc', direction: 'after', values: [claimRow.sort_title, claimRow.id] }),
    sources: encodeCursor({ order: 'use', direction: 'after', values: [sourceRow.use_rank, sourceRow.sort_title, sourceRow.id] }),
    claimDepth: Math.floor(size * 0.9),
    sourceDepth: Math.floor(sources * 0.9),
  };
}

async function benchServing(size: number, db: Db, databaseUrl: string, sampleClaim: string): Promise<RouteResult[]> {
  const deep = await deepCursors(db, size);
  const server = await startNextServer(databaseUrl.replace(/^file:/, ''), databaseUrl.startsWith('postgres') ? { DATABASE_URL: databaseUrl } : {});
  try {
    // The server warms its search index at start (from the snapshot, else a build). Measuring
    // while it does would time the warm-up, not serving: wait for it, and say how long it took.
    const warmStarted = performance.now();
    for (;;) {
      const res = await fetch(`${server.url}/api/search?q=GPT-4`);
      const body = (await res.json()) as { degraded?: boolean };
      if (res.ok && !body.degraded) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    console.log(`\n${size.toLocaleString('en')} claims: search index ready ${ms(performance.now() - warmStarted)} after the server listened`);
    const routes: [string, RouteResult['kind']][] = [
      ['/', 'cached page'],
      [`/claims/gpt4-training-cost-500m`, 'cached page'],
      [`/claims/${sampleClaim}`, 'cached page'],
      [`/sources/${ARTICLE}`, 'cached page'],
      ['/sources/gen-src-17', 'cached page'],
      ['/claims', 'list'],
      [`/claims?cursor=${deep.claims}`, 'list'],
      ['/sources', 'list'],
      [`/sources?cursor=${deep.sources}`, 'list'],
      ['/api/claims', 'api list'],
      [`/api/claims?cursor=${deep.claims}`, 'api list'],
      ['/api/search?q=GPT-4', 'other'],
    ];
    const results: RouteResult[] = [];
    const measure = async (route: string, kind: RouteResult['kind']) => {
      const res = await fetch(`${server.url}${route}`);
      const bytes = (await res.arrayBuffer()).byteLength;
      const r = await load(`${server.url}${route}`);
      results.push({ route, kind, bytes, ...r });
    };
    await measure('/methodology', 'static');
    for (const [route, kind] of routes) await measure(route, kind);
    await measure('/methodology', 'static');
    return results;
  } finally {
    await server.stop();
  }
}

function printServing(size: number, results: RouteResult[], label: string) {
  const statics = results.filter((r) => r.kind === 'static');
  const baseline = statics.reduce((n, r) => n + r.rps, 0) / statics.length;
  console.log(`\n### ${size.toLocaleString('en')} claims (${label}): serving, ${CONNECTIONS} connections × ${DURATION} s each`);
  console.log(`/methodology (static, same build): ${statics.map((r) => Math.round(r.rps).toLocaleString('en')).join(' and ')} req/s before and after: baseline ${Math.round(baseline).toLocaleString('en')}\n`);
  console.log('| route | kind | size | req/s | ratio to static | p99 | target |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results.filter((x) => x.kind !== 'static')) {
    const ratio = r.rps / baseline;
    const want = r.kind === 'cached page' ? 0.8 : r.kind === 'list' || r.kind === 'api list' ? 0.5 : null;
    const misses: string[] = [];
    if (want !== null && ratio < want) misses.push(`ratio ${ratio.toFixed(2)} < ${want} (${(want / ratio).toFixed(1)}× short)`);
    if (r.p99 >= 100) misses.push(`p99 ${r.p99} ms ≥ 100 ms`);
    if (!r.route.startsWith('/api') && r.bytes > 150 * 1024) misses.push(`${kb(r.bytes)} > 150 KB`);
    if (r.non2xx) misses.push(`${r.non2xx} non-2xx answers`);
    const shown = r.route.replace(/cursor=[^&]+/, 'cursor=…deep…');
    console.log(`| \`${shown}\` | ${r.kind} | ${kb(r.bytes)} | ${Math.round(r.rps).toLocaleString('en')} | ${ratio.toFixed(2)}× | ${r.p99} ms | ${misses.length ? `MISSED: ${misses.join('; ')}` : 'ok'} |`);
  }
}

async function main() {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  console.log(`Claim Ledger scale benchmark · ${os.cpus().length} CPUs · node ${process.version} · ${PG ? 'PostgreSQL' : 'SQLite'} · sizes ${SIZES.join(', ')}`);
  if (!INGEST_ONLY) await ensureNextBuild(`file:${path.join(WORK, 'build.sqlite')}`);
  let pg: PostgresServer | null = null;
  if (PG) pg = await startPostgres();
  try {
    for (const size of SIZES) {
      const dir = path.join(WORK, String(size));
      fs.mkdirSync(dir, { recursive: true });
      let databaseUrl = `file:${path.join(dir, 'ledger.sqlite')}`;
      if (pg) {
        const created = await pg.createDatabase();
        await created.db.destroy();
        databaseUrl = created.url;
      }
      const ingest = await benchIngest(size, databaseUrl, dir);
      const ratio = ingest.fullMs / ingest.bareMs;
      console.log(`\n### ${size.toLocaleString('en')} claims (${ingest.files.toLocaleString('en')} files): ingest`);
      console.log(`- full \`claims ingest\` (process, start-up included): ${ms(ingest.fullMs)}; bare @mdx-js/mdx compile of the same bodies in one thread: ${ms(ingest.bareMs)}; ratio ${ratio.toFixed(2)}× (target ≤ 1.2×${ratio > 1.2 ? `: MISSED by ${(ratio / 1.2).toFixed(2)}×` : ': ok'})`);
      console.log(`  - its own split: ${ingest.fullSplit}`);
      console.log(`- one file changed, whole \`claims ingest\` process: ${ms(ingest.oneMs)} (target ≤ 1,000 ms${ingest.oneMs > 1000 ? `: MISSED by ${(ingest.oneMs / 1000).toFixed(2)}×` : ': ok'})`);
      console.log(`  - its own split: ${ingest.oneSplit}`);
      console.log(`- \`claims check\` after it (nothing changed): ${ms(ingest.checkMs)}`);

      if (INGEST_ONLY) continue;
      const db = createDb(databaseUrl.startsWith('postgres') ? { kind: 'postgres', url: databaseUrl } : { kind: 'sqlite', filename: databaseUrl.slice(5) });
      await prepareStoreOrThrow(db);
      const t = performance.now();
      await populateScaleStore(db, size, ingest.templates, { claimsIngested: true });
      console.log(`- evidence, notes and edits written through the revision kernel: ${ms(performance.now() - t)}`);
      const i = Math.min(42, size - 1);
      const sampleClaim = generatedClaimId(ingest.templates.claims[i % ingest.templates.claims.length]!.frontmatter.id, i);
      const serving = await benchServing(size, db, databaseUrl, sampleClaim);
      await db.destroy();
      printServing(size, serving, PG ? 'PostgreSQL' : 'SQLite');
    }
  } finally {
    await pg?.stop();
  }
}

await main();
