import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { runIngest } from '../../lib/claims/ingest';
import { readArticle } from '../../lib/intake/input';
import { buildDraftDownload, parseIntakeForm, runIntake } from '../../lib/intake/service';
import { buildSearchIndex, type SearchIndex } from '../../lib/search/search-index';
import { UserFacingError } from '../../lib/shared/errors';
import { createTestDb } from '../helpers/test-db';

const repo = path.resolve(import.meta.dirname, '..', '..');
const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) f.append(k, item);
  return f;
};
async function refusal(p: Promise<unknown>): Promise<{ status: number; field?: string; message: string }> {
  try {
    await p;
  } catch (error) {
    if (error instanceof UserFacingError) return { status: error.status, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading an article', () => {
  it('reads HTML with Readability, the title as the headline, scripts dropped', async () => {
    const html = `<html><head><title>Dam report</title><script>alert(1)</script></head><body><article><h1>Dam cost seven times its budget</h1>
      <p>According to the audit office, the Quillon dam cost US$4,200 million, seven times its budget. It was finished in 2019 after many delays and much debate in the press.</p>
      <p>The audit office said construction ran 38% over schedule, a record for the region according to the report, which many readers found surprising.</p></article></body></html>`;
    const { text } = await readArticle({ bytes: Buffer.from(html), format: 'html' });
    expect(text).not.toContain('alert');
    expect(text).toContain('According to the audit office, the Quillon dam cost US$4,200 million, seven times its budget.');
    expect(text.split('\n')[0]).toMatch(/Dam/);
  });

  it('reads Markdown as text, one line per block, without compiling it', async () => {
    const md = '# The headline\n\nA **bold** claim with `code` and <span>tags</span>.\n\n- first item\n- second item\n';
    const { text } = await readArticle({ bytes: Buffer.from(md), format: 'markdown' });
    expect(text.split('\n')).toEqual(['The headline', 'A bold claim with code and tags.', 'first item', 'second item']);
  });
});

describe('the intake form', () => {
  it('names the field at fault with a 4xx', async () => {
    expect(await refusal(parseIntakeForm(form({})))).toMatchObject({ status: 400, field: 'text' });
    expect(await refusal(parseIntakeForm(form({ text: 'x', lang: '<script>' })))).toMatchObject({ status: 400, field: 'lang' });
    expect(await refusal(parseIntakeForm(form({ text: 'x', top: '0' })))).toMatchObject({ status: 400, field: 'top' });
    expect(await refusal(parseIntakeForm(form({ text: 'x', rank: 'two' })))).toMatchObject({ status: 400, field: 'rank' });
  });
});

describe('intake against the store', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let index: SearchIndex;
  const article = ['Analyst: AI bubble is 17 times the dot-com bubble', 'ChatGPT-4 需投入十倍資金,達 5 億美元;', 'According to the Zorbland audit office, the Quillon dam cost US$4,200 million in 2019.'].join('\n');
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    const result = await runIngest(db, { claimsDir: path.join(repo, 'claims'), seedDir: path.join(repo, 'db', 'seed') });
    if (!result.ok) throw new Error('the real claims do not check');
    index = await buildSearchIndex(db);
  });
  afterAll(() => cleanup());

  it('returns ranked candidates with features and matches', async () => {
    const result = await runIntake(db, index, await parseIntakeForm(form({ text: article })));
    expect(result.lang).toBe('en');
    const gpt4 = result.candidates.find((c) => c.passages[0]!.text.startsWith('ChatGPT-4'))!;
    expect(gpt4.matches[0]!.claimId).toBe('gpt4-training-cost-500m');
    expect(gpt4.features.map((f) => f.key)).toEqual(expect.arrayContaining(['money', 'multiple']));
  });

  it('refuses a URL the safe fetcher will not fetch, as a 400 on the url field', async () => {
    const r = await refusal(runIntake(db, index, await parseIntakeForm(form({ url: 'http://127.0.0.1/article' }))));
    expect(r).toMatchObject({ status: 400, field: 'url' });
  });

  it('downloads one ticked candidate as an .mdx file and several as a zip', async () => {
    const one = await buildDraftDownload(db, await parseIntakeForm(form({ text: article, source: 'gangge-matters-ai-bubble', rank: '1' })), { today: '2026-12-02' });
    expect(one.fileName).toMatch(/\.mdx$/);
    expect(strFromU8(one.body)).toContain('status: "draft"');
    const all = await buildDraftDownload(db, await parseIntakeForm(form({ text: article, source: 'gangge-matters-ai-bubble', rank: ['1', '2', '3'] })), { today: '2026-12-02' });
    expect(all.contentType).toBe('application/zip');
    const files = unzipSync(all.body);
    expect(Object.keys(files)).toHaveLength(3);
    for (const body of Object.values(files)) expect(strFromU8(body)).toContain('  - source: "gangge-matters-ai-bubble"');
  });

  it('refuses drafts without a known source or for a rank the article lacks', async () => {
    expect(await refusal(buildDraftDownload(db, await parseIntakeForm(form({ text: article, rank: '1' })), { today: '2026-12-02' }))).toMatchObject({ status: 400, field: 'source' });
    expect(await refusal(buildDraftDownload(db, await parseIntakeForm(form({ text: article, source: 'nope', rank: '1' })), { today: '2026-12-02' }))).toMatchObject({ status: 400, field: 'source' });
    expect(await refusal(buildDraftDownload(db, await parseIntakeForm(form({ text: article, source: 'gangge-matters-ai-bubble', rank: '99' })), { today: '2026-12-02' }))).toMatchObject({ status: 400, field: 'rank' });
  });
});
