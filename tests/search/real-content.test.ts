import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { runIngest } from '../../lib/claims/ingest';
import { parseSearchParams } from '../../lib/search/params';
import { createSearchService, type SearchService } from '../../lib/search/service';
import { createTestDb } from '../helpers/test-db';

const repo = path.resolve(import.meta.dirname, '..', '..');

/** What a reader who remembers one word, number or name of a real claim types, and the claim they want. */
const KNOWN_ANSWERS: Array<[string, string]> = [
  ['泡沫', 'ai-bubble-17x-dotcom'],
  ['網際網路泡沫', 'ai-bubble-17x-dotcom'],
  ['金融危機', 'ai-bubble-4x-subprime'],
  ['次貸危機', 'ai-bubble-17x-dotcom'],
  ['17x', 'ai-bubble-17x-dotcom'],
  ['17 倍', 'ai-bubble-17x-dotcom'],
  ['subprime', 'ai-bubble-4x-subprime'],
  ['訓練成本', 'gpt3-training-cost-50m'],
  ['$500M', 'gpt4-training-cost-500m'],
  ['5 億美元', 'gpt4-training-cost-500m'],
  ['GPT-4 訓練', 'gpt4-training-cost-500m'],
  ['$5B', 'gpt5-training-cost-5b'],
  ['34%', 'ai-task-completion-1-5-to-34-pct'],
  ['1.5%', 'ai-task-completion-1-5-to-34-pct'],
  ['採用率', 'large-firm-ai-adoption-declining'],
  ['Sløk', 'large-firm-ai-adoption-declining'],
  ['Slok', 'large-firm-ai-adoption-declining'],
  ['Census', 'large-firm-ai-adoption-declining'],
  ['五子棋', 'image-generator-gomoku-failure'],
  ['gomoku', 'image-generator-gomoku-failure'],
  ['Wicksellian deficit', 'qe-wicksellian-deficit'],
  ['220', 'macrostrategy-advises-220-institutions'],
  ['Garran UBS', 'garran-led-ubs-commodity-strategy'],
  ['Meta', 'meta-open-models'],
  ['擴展極限', 'llm-scaling-limits'],
];

describe('search over the real claims: a remembered word finds the claim in the top 3', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let service: SearchService;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    const result = await runIngest(db, { claimsDir: path.join(repo, 'claims'), seedDir: path.join(repo, 'db', 'seed') });
    if (!result.ok) throw new Error('the real claims do not check');
    service = createSearchService(db, { log: () => {} });
  });
  afterAll(() => cleanup());

  it.each(KNOWN_ANSWERS)('%s → %s', async (q, expected) => {
    const parsed = parseSearchParams({ q });
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const ids = (await service.search(parsed.params)).groups.claim.hits.map((h) => h.id);
    expect(ids.slice(0, 3), `top hits for ${q}: ${ids.slice(0, 5).join(', ')}`).toContain(expected);
  });

  it.each([
    ['次貸危機', 'ai-bubble-4x-subprime'],
    ['先行者優勢', 'llm-lead-lasts-months'],
  ])('finds %s, words of a passage after the main one, in the claim %s (every passage is indexed)', async (q, expected) => {
    const parsed = parseSearchParams({ q });
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const hits = (await service.search(parsed.params)).groups.claim.hits;
    const hit = hits.find((h) => h.id === expected);
    expect(hit, `hits for ${q}: ${hits.map((h) => h.id).join(', ')}`).toBeDefined();
    expect(hit!.snippet?.field).toBe('passages');
    const main = await db.selectFrom('claim').select('original_text').where('id', '=', expected).executeTakeFirstOrThrow();
    expect(main.original_text).not.toContain(q);
  });

  it('has the article text it was built from', () => {
    expect(fs.existsSync(path.join(repo, 'db', 'seed', 'article.zh-Hant.txt'))).toBe(true);
  });
});
