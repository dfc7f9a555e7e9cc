import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteDb } from '../../db/client';
import { copyFixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/test-db';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..', '..');

async function claims(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repo, 'bin', 'claims.mjs'), ...args], {
      cwd: repo,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the claims command', () => {
  const dirs = copyFixture('valid');
  const dbDir = makeTempDir();
  const env = { DATABASE_URL: `file:${path.join(dbDir, 'cli.sqlite')}` };
  afterAll(() => {
    fs.rmSync(dirs.root, { recursive: true, force: true });
    fs.rmSync(dbDir, { recursive: true, force: true });
  });

  it('check prints a summary and exits 0 on a valid set', async () => {
    const r = await claims(['check', '--dir', dirs.claimsDir, '--seed-dir', dirs.seedDir]);
    expect(r.stdout).toContain('ok: 2 claims, 3 sources, 2 evidence entries, 1 confidence notes');
    expect(r.code).toBe(0);
  });

  it('migrate, then ingest twice: the second run reports everything unchanged', async () => {
    expect((await claims(['migrate'], env)).stdout).toContain('applied: 0001-create-store');
    const first = await claims(['ingest', '--dir', dirs.claimsDir, '--seed-dir', dirs.seedDir], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/claims: 2 added \(alpha-figure, beta-figure\), 0 updated, 0 unchanged, 0 withdrawn/);
    expect(first.stdout).toMatch(/time: \d+ ms/);
    const second = await claims(['ingest', '--dir', dirs.claimsDir, '--seed-dir', dirs.seedDir], env);
    expect(second.stdout).toMatch(/claims: 0 added, 0 updated, 2 unchanged, 0 withdrawn/);
  });

  it('prints one file:line:column: field: message line per problem, exits 1, and ingests nothing', async () => {
    const broken = copyFixture('valid');
    const file = path.join(broken.claimsDir, 'alpha-figure.mdx');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('verdict: "misleading"', 'verdict: "sort-of"').replace('title: "Alpha costs $50M"', 'title: "Changed"'));
    const emptyEnv = { DATABASE_URL: `file:${path.join(dbDir, 'empty.sqlite')}` };
    const r = await claims(['ingest', '--dir', broken.claimsDir, '--seed-dir', broken.seedDir], emptyEnv);
    expect(r.code).toBe(1);
    const shown = path.relative(repo, file);
    expect(r.stderr).toContain(`${shown}:17:10: verdict: expected one of "supported", "mostly-supported", "mixed", "misleading", "false", "unverifiable", "not-a-factual-claim"`);
    expect(r.stderr).toContain('1 problem found; nothing was written');
    const db = createSqliteDb(path.join(dbDir, 'empty.sqlite'));
    expect(await db.selectFrom('claim').select('id').execute()).toEqual([]);
    await db.destroy();
    fs.rmSync(broken.root, { recursive: true, force: true });
  });

  it('refuses an unknown command or option with usage and exit code 2', async () => {
    expect((await claims(['frobnicate'])).code).toBe(2);
    const r = await claims(['check', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: claims');
  });
});
