import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { runIngest } from '../../lib/claims/ingest';
import { analyseArticle } from '../../lib/intake/analyse';
import { loadLabelledSets } from '../../lib/intake/labelled-set';
import { matchCandidates } from '../../lib/intake/match';
import { buildSearchIndex, type SearchIndex } from '../../lib/search/search-index';
import { createTestDb } from '../helpers/test-db';

const repo = path.resolve(import.meta.dirname, '..', '..');

describe('matching candidates against the ledger through the search index', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let index: SearchIndex;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    const result = await runIngest(db, { claimsDir: path.join(repo, 'claims'), seedDir: path.join(repo, 'db', 'seed') });
    if (!result.ok) throw new Error('the real claims do not check');
    index = await buildSearchIndex(db);
  });
  afterAll(() => cleanup());

  const matchesOf = async (article: string, lang: string) => {
    const { candidates } = analyseArticle(article, { lang });
    const matches = await matchCandidates(db, index, candidates);
    return candidates.map((c) => ({ text: c.main.text, ids: (matches.get(c.rank) ?? []).map((m) => m.claimId) }));
  };

  it('finds the recorded claim of a sentence the ledger quotes', async () => {
    const out = await matchesOf('標題\nChatGPT-4 需投入十倍資金,達 5 億美元;', 'zh-Hant');
    expect(out.find((c) => c.text.startsWith('ChatGPT-4'))!.ids[0]).toBe('gpt4-training-cost-500m');
  });

  it('finds the ledger claims of an English restatement of the seed figures', async () => {
    const out = await matchesOf('Headline\nThe AI bubble is 17 times the size of the dot-com frenzy and four times the subprime bubble, an analyst says.', 'en');
    expect(out.find((c) => c.text.includes('17 times'))!.ids).toEqual(expect.arrayContaining(['ai-bubble-17x-dotcom']));
  });

  it('calls a sentence the ledger does not hold new', async () => {
    const out = await matchesOf('Headline\nThe city council approved a park budget of $3 million in March 2024.', 'en');
    expect(out.find((c) => c.text.includes('park'))!.ids).toEqual([]);
  });

  it('matches most checkable sentences of the seed article to a claim they are labelled with', async () => {
    const seed = loadLabelledSets(repo).find((s) => s.name === 'seed-article')!;
    const { candidates } = analyseArticle(seed.text, { lang: seed.lang });
    const matches = await matchCandidates(db, index, candidates);
    const label = new Map(seed.sentences.map((s) => [s.text, s]));
    let right = 0;
    let labelled = 0;
    for (const c of candidates) {
      const claims = new Set(c.passages.flatMap((p) => label.get(p.text)?.claims ?? []));
      if (!claims.size) continue;
      labelled++;
      if ((matches.get(c.rank) ?? []).some((m) => claims.has(m.claimId))) right++;
    }
    expect(right / labelled).toBeGreaterThanOrEqual(0.9);
  });
});
