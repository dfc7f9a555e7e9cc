import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/test-db';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..', '..');

async function claims(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repo, 'bin', 'claims.mjs'), ...args], { cwd: repo, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('claims draft', () => {
  const root = makeTempDir('claim-ledger-draft-cli-');
  const claimsDir = path.join(root, 'claims');
  const env = { DATABASE_URL: `file:${path.join(root, 'db.sqlite')}` };
  const article = path.join(root, 'article.md');
  beforeAll(async () => {
    fs.cpSync(path.join(repo, 'claims'), claimsDir, { recursive: true });
    fs.writeFileSync(
      article,
      [
        '# The AI bubble is 17 times the size of the dot-com frenzy, an analyst says',
        '',
        'ChatGPT-4 需投入十倍資金,達 5 億美元;',
        '',
        'According to the Zorbland audit office, the **Quillon dam** cost US$4,200 million in 2019.',
      ].join('\n'),
    );
    const ingest = await claims(['ingest', '--dir', claimsDir], env);
    if (ingest.code !== 0) throw new Error(ingest.stderr);
  }, 120_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prints ranked candidates with their features and ledger matches, and writes drafts only for new ones', async () => {
    const r = await claims(['draft', '--from', article, '--source', 'gangge-matters-ai-bubble', '--lang', 'en', '--dir', claimsDir, '--today', '2026-12-02'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/already in the ledger: ai-bubble-17x-dotcom/);
    expect(r.stdout).toMatch(/already in the ledger: gpt4-training-cost-500m/);
    expect(r.stdout).toMatch(/money\+2/);
    expect(r.stdout).toContain('1 drafts written, 2 already in the ledger');
    const written = fs.readFileSync(path.join(claimsDir, 'zorbland-audit-office-quillon-dam-4-2b.mdx'), 'utf8');
    // Markdown is read as text: the bold marks are gone, the words are verbatim.
    expect(written).toContain('text: "According to the Zorbland audit office, the Quillon dam cost US$4,200 million in 2019."');
    expect(written).toContain('status: "draft"');
    const check = await claims(['check', '--dir', claimsDir], env);
    expect(check.code).toBe(0);
  }, 120_000);

  it('asks for the article source record, and names an unknown one', async () => {
    const missing = await claims(['draft', '--from', article, '--dir', claimsDir], env);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('missing --source ID')]);
    const unknown = await claims(['draft', '--from', article, '--source', 'no-such-source', '--dir', claimsDir], env);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('--source: no source "no-such-source"')]);
  }, 120_000);
});
