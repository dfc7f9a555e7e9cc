import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb } from '../../db/client';
import { createApiToken } from '../../lib/auth/users';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, REPO_ROOT, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// `npm run test:reliability`: the store under the failures a deployment meets. The real
// server (server.mjs) on a real SQLite file, killed, doubled, locked and backed up while
// acknowledged writes arrive. Each case prints what it tried and what held.

const say = (line: string) => console.log(`[reliability] ${line}`);

let dir: string;
let fixture: ReturnType<typeof copyFixture>;

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-reliability-');
  fixture = copyFixture();
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
}, 400_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh ledger file with the fixture ingested and an editor's API token. */
async function freshLedger(name: string): Promise<{ file: string; token: string }> {
  const file = path.join(dir, `${name}.sqlite`);
  const db = createSqliteDb(file);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, fixture);
  await createEditor(db);
  const { token } = await createApiToken(db, EDITOR_EMAIL, name);
  await db.destroy();
  return { file, token };
}

/** One evidence write over HTTP: the id when the server acknowledged it (201), else the status. */
async function writeEvidence(server: RunningServer, token: string, excerpt: string): Promise<{ id?: string; status: number }> {
  try {
    const res = await fetch(`${server.url}/api/claims/alpha-figure/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sourceId: 'report', stance: 'context', excerpt, lang: 'en' }),
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string };
    return res.status === 201 ? { id: body.id, status: 201 } : { status: res.status };
  } catch {
    return { status: 0 }; // the connection died with the server: not acknowledged
  }
}

/** Writers in parallel until `stop()` returns true; returns every acknowledged id and excerpt. */
async function writeLoop(servers: RunningServer[], token: string, tag: string, stop: () => boolean, parallel = 4): Promise<{ acked: Map<string, string>; statuses: Record<number, number> }> {
  const acked = new Map<string, string>();
  const statuses: Record<number, number> = {};
  let n = 0;
  await Promise.all(
    Array.from({ length: parallel }, async (_, w) => {
      while (!stop()) {
        const excerpt = `${tag} write ${w}-${n++}`;
        const r = await writeEvidence(servers[n % servers.length]!, token, excerpt);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.id) acked.set(r.id, excerpt);
        if (r.status === 0) return;
      }
    }),
  );
  return { acked, statuses };
}

function integrityOf(file: string): string {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) + ` / foreign keys: ${(db.pragma('foreign_key_check') as unknown[]).length} problems`;
  } finally {
    db.close();
  }
}

function storedExcerpts(file: string, ids: string[]): Map<string, string> {
  const db = new SQLite(file, { readonly: true });
  try {
    const get = db.prepare('select excerpt from evidence where id = ?');
    return new Map(ids.flatMap((id) => {
      const row = get.get(id) as { excerpt: string } | undefined;
      return row ? [[id, row.excerpt] as const] : [];
    }));
  } finally {
    db.close();
  }
}

function runCli(args: string[], file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'claims.mjs'), ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: `file:${file}` } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('reliability', () => {
  it('kill -9 of the server during a loop of acknowledged writes loses none of them', async () => {
    const { file, token } = await freshLedger('kill');
    const server = await startNextServer(file);
    const started = Date.now();
    setTimeout(() => process.kill(server.pid, 'SIGKILL'), 2500);
    const { acked, statuses } = await writeLoop([server], token, 'kill', () => Date.now() - started > 10_000);
    say(`kill -9: ${acked.size} writes acknowledged before the SIGKILL at 2.5 s (answers: ${JSON.stringify(statuses)})`);
    expect(acked.size).toBeGreaterThan(10);
    const integrity = integrityOf(file);
    say(`kill -9: integrity after the crash: ${integrity}`);
    expect(integrity).toBe('ok / foreign keys: 0 problems');
    const restarted = await startNextServer(file);
    try {
      const stored = storedExcerpts(file, [...acked.keys()]);
      const missing = [...acked].filter(([id, excerpt]) => stored.get(id) !== excerpt);
      say(`kill -9: after restart ${stored.size}/${acked.size} acknowledged writes present, ${missing.length} missing or changed`);
      expect(missing).toEqual([]);
      const sample = [...acked.keys()].at(-1)!;
      expect((await fetch(`${restarted.url}/api/evidence/${sample}`)).status).toBe(200);
      say('kill -9: held — the restarted server serves the last acknowledged write');
    } finally {
      await restarted.stop();
    }
  }, 90_000);

  it('two server processes and a CLI writer at once: every acknowledged write stored once, with its revision', async () => {
    const { file, token } = await freshLedger('two');
    const a = await startNextServer(file);
    const b = await startNextServer(file);
    try {
      const started = Date.now();
      const stop = () => Date.now() - started > 6_000;
      const cli = (async () => {
        const ids: string[] = [];
        let i = 0;
        while (!stop()) {
          const r = await runCli(['evidence', 'add', '--claim', 'alpha-figure', '--source', 'report', '--stance', 'context', '--excerpt', `cli write ${i++}`, '--lang', 'en', '--as', EDITOR_EMAIL], file);
          expect(r.code, r.stderr).toBe(0);
          ids.push(r.stdout.trim());
        }
        return ids;
      })();
      const [{ acked, statuses }, cliIds] = await Promise.all([writeLoop([a, b], token, 'two', stop), cli]);
      say(`two servers + CLI: ${acked.size} HTTP writes acknowledged across both servers (answers: ${JSON.stringify(statuses)}), ${cliIds.length} CLI writes`);
      expect(statuses[500] ?? 0).toBe(0);
      expect(cliIds.length).toBeGreaterThan(0);
      const db = new SQLite(file, { readonly: true });
      const stored = storedExcerpts(file, [...acked.keys()]);
      const revisions = db.prepare("select count(*) as n from revision where entity_type = 'evidence' and action = 'create' and entity_id in (select id from evidence where excerpt like 'two write %' or excerpt like 'cli write %')").get() as { n: number };
      const rows = db.prepare("select count(*) as n from evidence where excerpt like 'two write %' or excerpt like 'cli write %'").get() as { n: number };
      db.close();
      say(`two servers + CLI: ${stored.size}/${acked.size} HTTP writes present; ${rows.n} rows, ${revisions.n} create revisions; integrity ${integrityOf(file)}`);
      expect(stored.size).toBe(acked.size);
      expect(rows.n).toBe(acked.size + cliIds.length);
      expect(revisions.n).toBe(rows.n);
      expect(integrityOf(file)).toBe('ok / foreign keys: 0 problems');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 90_000);

  it('a write lock held by another process: writes answer 503 (not 500, nothing stored), and succeed once it is let go', async () => {
    const { file, token } = await freshLedger('lock');
    const server = await startNextServer(file);
    try {
      expect((await writeEvidence(server, token, 'before the lock')).status).toBe(201);
      const holder = new SQLite(file);
      holder.exec('begin immediate');
      const started = Date.now();
      const refused = await fetch(`${server.url}/api/claims/alpha-figure/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sourceId: 'report', stance: 'context', excerpt: 'during the held lock', lang: 'en' }),
      });
      const waited = Date.now() - started;
      const body = (await refused.json()) as { error?: { code?: string } };
      say(`held lock: a write waited ${waited} ms, then answered ${refused.status} ${body.error?.code ?? ''} (Retry-After: ${refused.headers.get('retry-after') ?? 'none'})`);
      expect(refused.status).toBe(503);
      expect(body.error?.code).toBe('unavailable');
      holder.exec('rollback');
      holder.close();
      const db = new SQLite(file, { readonly: true });
      expect(db.prepare("select count(*) as n from evidence where excerpt = 'during the held lock'").get()).toEqual({ n: 0 });
      db.close();
      const after = await writeEvidence(server, token, 'after the lock');
      say(`held lock: after it was let go a write answered ${after.status}`);
      expect(after.status).toBe(201);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('a backup taken during writes is intact and consistent: integrity, row counts, a revision for every row', async () => {
    const { file, token } = await freshLedger('backup');
    const server = await startNextServer(file);
    try {
      const started = Date.now();
      const loop = writeLoop([server], token, 'backup', () => Date.now() - started > 5_000);
      await new Promise((r) => setTimeout(r, 1500));
      const before = storedCount(file);
      const out = path.join(dir, 'during-writes.backup.sqlite');
      const r = await runCli(['backup', out], file);
      const afterBackup = storedCount(file);
      const { acked } = await loop;
      expect(r.code, r.stderr).toBe(0);
      const copy = new SQLite(out, { readonly: true });
      const rows = (copy.prepare('select count(*) as n from evidence').get() as { n: number }).n;
      const orphans = (copy.prepare("select count(*) as n from evidence e where not exists (select 1 from revision r where r.entity_type = 'evidence' and r.entity_id = e.id)").get() as { n: number }).n;
      const version = (copy.prepare('select version from data_version').get() as { version: number }).version;
      copy.close();
      const mode = fs.statSync(out).mode & 0o777;
      say(`backup during writes: ${acked.size} writes acknowledged meanwhile; live evidence ${before} before the backup, ${afterBackup} after; the backup holds ${rows} (data version ${version}), ${orphans} rows without a revision, mode ${mode.toString(8)}, integrity ${integrityOf(out)}`);
      expect(integrityOf(out)).toBe('ok / foreign keys: 0 problems');
      expect(rows).toBeGreaterThanOrEqual(before);
      expect(rows).toBeLessThanOrEqual(afterBackup);
      expect(orphans).toBe(0);
      expect(mode).toBe(0o600);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('export → import → export is identical after merges in both id orders', async () => {
    const { file, token } = await freshLedger('export');
    const server = await startNextServer(file);
    try {
      for (const [from, into] of [['blog-post', 'essay'], ['report', 'essay']]) {
        const res = await fetch(`${server.url}/api/sources/${from}/merge`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ into, reason: 'reliability: duplicate' }),
        });
        expect(res.status, await res.clone().text()).toBe(200);
      }
    } finally {
      await server.stop();
    }
    const first = path.join(dir, 'first.jsonl');
    expect((await runCli(['export', '--with-credentials', '--out', first], file)).code).toBe(0);
    const target = path.join(dir, 'imported.sqlite');
    const imported = await runCli(['import', first], target);
    expect(imported.code, imported.stderr).toBe(0);
    const again = await runCli(['export', '--with-credentials'], target);
    const same = again.stdout === fs.readFileSync(first, 'utf8');
    say(`export → import → export after merging blog-post → essay (forward in id order) and report → essay (backward): ${imported.stdout.trim()}; second export identical: ${same}`);
    expect(same).toBe(true);
  }, 60_000);
});

function storedCount(file: string): number {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from evidence').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

