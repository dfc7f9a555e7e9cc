import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { makeTempDir } from '../helpers/test-db';

const repo = path.resolve(import.meta.dirname, '..', '..');
const tmp = makeTempDir();
const env = { DATABASE_URL: `file:${path.join(tmp, 'text.sqlite')}` };
const ADD = ['evidence', 'add', '--claim', 'alpha-figure', '--source', 'report', '--stance', 'supports', '--as', 'ed@example.org'];

describe('claims evidence add keeps text as typed or refuses it', () => {
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses a lone surrogate in an option with the option named, before touching the store', async () => {
    const err: string[] = [];
    const code = await main([...ADD, '--excerpt', 'Alpha \ud800 cost'], { out: () => {}, err: (s: string) => err.push(s), readStdin: async () => '', promptSecret: async () => '' });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/--excerpt: contains a lone surrogate/);
    expect(fs.existsSync(path.join(tmp, 'text.sqlite'))).toBe(false);
  });

  it('refuses an argument that is not valid UTF-8 (which Node would silently turn into U+FFFD)', async () => {
    // The shell passes the raw bytes ED A0 80 (a UTF-8-encoded surrogate): no JavaScript string can.
    const script = `exec "$0" bin/claims.mjs ${ADD.join(' ')} --excerpt "$(printf 'Alpha \\355\\240\\200 cost')"`;
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = spawn('/bin/sh', ['-c', script, process.execPath], { cwd: repo, env: { ...process.env, ...env } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--excerpt: the text is not valid UTF-8/);
  });
});
