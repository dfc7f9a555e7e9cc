import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('claims capture add and claims quotes verify', () => {
  const dirs = copyFixture('valid');
  const tmp = makeTempDir();
  const env = { DATABASE_URL: `file:${path.join(tmp, 'quotes.sqlite')}` };

  beforeAll(async () => {
    expect((await claims(['ingest', '--dir', dirs.claimsDir, '--seed-dir', dirs.seedDir], env)).code).toBe(0);
    expect((await claims(['user', 'add', 'ed@example.org', '--role', 'editor', '--password-stdin'], env, 'a long enough password\n')).code).toBe(0);
  });
  afterAll(() => {
    fs.rmSync(dirs.root, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('archives a file as a new capture and prints how the quotes on the source anchor', async () => {
    const file = path.join(tmp, 'essay.txt');
    fs.writeFileSync(file, 'An essay.\n\nAlpha cost $50 million.\n');
    const r = await claims(['capture', 'add', '--source', 'essay', '--file', file, '--as', 'ed@example.org'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/captured cap-[0-9a-f]{12} of essay \(copy 1, text\/plain, \d+ bytes, sha256 [0-9a-f]{64}/);
    expect(r.stdout).toContain('quotes on essay: 1 verified, 0 moved, 0 fuzzy, 0 orphan, 0 no-capture');
  });

  it('refuses bad options with a clear message', async () => {
    const both = await claims(['capture', 'add', '--source', 'essay', '--as', 'ed@example.org'], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either --file FILE or --fetch');
    const image = path.join(tmp, 'x.png');
    fs.writeFileSync(image, 'png');
    const wrong = await claims(['capture', 'add', '--source', 'essay', '--file', image, '--as', 'ed@example.org'], env);
    expect(wrong.stderr).toContain('is not HTML, plain text or PDF');
    const noUrl = await claims(['capture', 'add', '--source', 'blog-post', '--fetch', '--as', 'ed@example.org'], env);
    expect(noUrl.code).toBe(1);
    expect(noUrl.stderr).toContain('fetch: this source has no URL to fetch');
  });

  it('re-anchors and reports, exiting 1 while a quote needs review', async () => {
    const ok = await claims(['quotes', 'verify', '--source', 'essay'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('quotes: 1 verified, 0 moved, 0 fuzzy, 0 orphan, 0 no-capture');
    expect(ok.stdout).toContain('changed since the last anchoring: 0');
    expect(ok.stdout).toContain('no quote needs review');

    const file = path.join(tmp, 'essay-2.txt');
    fs.writeFileSync(file, 'An essay, rewritten.\n\nAlpha cost $5 million.\n');
    expect((await claims(['capture', 'add', '--source', 'essay', '--file', file, '--as', 'ed@example.org'], env)).code).toBe(0);
    const all = await claims(['quotes', 'verify'], env);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/fuzzy \(distance 1\)\talpha-figure\te:ev-alpha-essay\tessay @ \d{4}-\d{2}-\d{2}\t"Alpha cost \$50 million\."/);
    expect(all.stdout).toContain('1 quotes need review');
    expect((await claims(['quotes', 'verify', '--source', 'nope'], env)).stderr).toContain('no source has id "nope"');
  });
});
