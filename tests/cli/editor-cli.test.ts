import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb } from '../../db/client';
import { copyFixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/test-db';

const repo = path.resolve(import.meta.dirname, '..', '..');

function claims(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repo, 'bin', 'claims.mjs'), ...args], { cwd: repo, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('editor commands: accounts, tokens, evidence, confidence, export/import', () => {
  const dirs = copyFixture('valid');
  const tmp = makeTempDir();
  const env = { DATABASE_URL: `file:${path.join(tmp, 'editor.sqlite')}` };

  beforeAll(async () => {
    const r = await claims(['ingest', '--dir', dirs.claimsDir, '--seed-dir', dirs.seedDir], env);
    expect(r.code).toBe(0);
  });
  afterAll(() => {
    fs.rmSync(dirs.root, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('adds an editor with a password from stdin, lists users, and issues and revokes a token', async () => {
    const add = await claims(['user', 'add', 'ed@example.org', '--role', 'editor', '--password-stdin'], env, 'a long enough password\n');
    expect(add).toMatchObject({ code: 0 });
    expect(add.stdout).toContain('added ed@example.org (editor)');
    expect((await claims(['user', 'list'], env)).stdout).toMatch(/ed@example\.org\teditor/);

    const token = await claims(['token', 'create', 'ed@example.org', '--name', 'laptop'], env);
    expect(token.stdout.trim()).toMatch(/^clt_[A-Za-z0-9_-]{43}$/);
    const id = /token (tok_[0-9a-f]+)/.exec(token.stderr)?.[1];
    expect(id).toBeDefined();
    expect((await claims(['token', 'list'], env)).stdout).toContain(`${id}\ted@example.org\tlaptop`);
    expect((await claims(['token', 'revoke', id!], env)).stdout).toContain(`revoked ${id}`);
    expect((await claims(['token', 'list'], env)).stdout).toMatch(/revoked \d{4}-/);
  });

  it('adds evidence and a confidence note as a named editor, and lists them', async () => {
    const ev = await claims(
      ['evidence', 'add', '--claim', 'alpha-figure', '--source', 'report', '--stance', 'contradicts', '--target', 'value',
        '--excerpt', 'Alpha cost $4.3 million.', '--value', '4300000', '--unit', 'USD', '--as-of', '2020', '--as', 'ed@example.org'],
      env,
    );
    expect(ev.stderr).toBe('');
    const id = /added (ev-[0-9a-f]+)/.exec(ev.stdout)?.[1];
    expect(id).toBeDefined();
    expect((await claims(['evidence', 'list', '--claim', 'alpha-figure'], env)).stdout).toContain(`${id}\tcontradicts\tvalue\treport\tr1`);

    const note = await claims(['confidence', 'add', '--claim', 'alpha-figure', '--confidence', '0.9', '--verdict', 'false', '--reason', 'The report is primary.', '--evidence', id!, '--as', 'ed@example.org'], env);
    expect(note.code).toBe(0);
    const db = createSqliteDb(path.join(tmp, 'editor.sqlite'));
    const row = await db.selectFrom('confidence_note').selectAll().where('author', '=', 'ed@example.org').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ claim_id: 'alpha-figure', confidence: 0.9, verdict: 'false', evidence_ids: JSON.stringify([id]) });
    const revisions = await db.selectFrom('revision').select(['actor', 'action']).where('entity_id', 'in', [id!, row.id]).execute();
    expect(revisions).toEqual([{ actor: 'ed@example.org', action: 'create' }, { actor: 'ed@example.org', action: 'create' }]);
    await db.destroy();
  });

  it('names the option at fault and stores nothing on bad input or an unknown editor', async () => {
    const base = ['evidence', 'add', '--claim', 'alpha-figure', '--source', 'report', '--excerpt', 'x'];
    const badStance = await claims([...base, '--stance', 'agrees', '--as', 'ed@example.org'], env);
    expect(badStance.code).toBe(2);
    expect(badStance.stderr).toContain('--stance: expected one of "supports", "contradicts", "qualifies", "context"');
    const badDate = await claims([...base, '--stance', 'supports', '--as-of', '2025-13-01', '--as', 'ed@example.org'], env);
    expect(badDate.stderr).toContain('--as-of: expected a date as YYYY, YYYY-MM or YYYY-MM-DD');
    const stranger = await claims([...base, '--stance', 'supports', '--as', 'nobody@example.org'], env);
    expect(stranger.code).toBe(1);
    expect(stranger.stderr).toContain('no user has email nobody@example.org');
    expect((await claims(['evidence', 'list', '--claim', 'alpha-figure'], env)).stdout.trim().split('\n')).toHaveLength(3);
  });

  it('exports, imports into an empty database, and re-exports identically', async () => {
    const out = path.join(tmp, 'dump.jsonl');
    // An older file readable by everyone is replaced by one only its owner can read.
    fs.writeFileSync(out, 'old', { mode: 0o644 });
    fs.chmodSync(out, 0o644);
    expect((await claims(['export', '--with-credentials', '--out', out], env)).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const target = { DATABASE_URL: `file:${path.join(tmp, 'imported.sqlite')}` };
    const imported = await claims(['import', out], target);
    expect(imported.stdout).toMatch(/imported .*\d+ evidence/);
    const again = await claims(['export', '--with-credentials'], target);
    expect(again.stdout).toBe(fs.readFileSync(out, 'utf8'));
    expect((await claims(['import', out], target)).stderr).toContain('not empty');
  });
});
