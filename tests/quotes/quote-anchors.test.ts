import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { withWriteTransaction } from '../../db/transaction';
import { addCapture } from '../../lib/captures/write';
import { checkClaimsAndSeed } from '../../lib/claims/check';
import { ingestCorpus } from '../../lib/claims/ingest';
import { getClaimPassages } from '../../lib/claims/passages';
import { updateEvidence } from '../../lib/evidence/write';
import { rebuildDerivedState } from '../../lib/history/derived-state';
import { listQuotesNeedingReview } from '../../lib/quotes/queries';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

const repo = path.resolve(import.meta.dirname, '..', '..');

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(async () => {
  await cleanup();
});

const text = (s: string) => ({ bytes: Buffer.from(s, 'utf8'), mediaType: 'text/plain' as const, method: 'upload' as const, fileName: 'copy.txt' });

async function derivedState() {
  const anchors = await db.selectFrom('quote_anchor').selectAll().orderBy('quote_key').execute();
  const claims = await db.selectFrom('claim').select(['id', 'needs_review', 'quote_problem_count', 'facets']).orderBy('id').execute();
  const facets = await db.selectFrom('facet_count').selectAll().orderBy('facet').orderBy('value').execute();
  return { anchors, claims, facets };
}

describe('quote anchors on the seed data', () => {
  it('anchors every passage of every claim as verified in the seed article, its first capture', async () => {
    const result = await checkClaimsAndSeed({ claimsDir: path.join(repo, 'claims'), seedDir: path.join(repo, 'db', 'seed'), displayRoot: repo });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    await ingestCorpus(db, result.corpus);
    const capture = await db.selectFrom('capture').selectAll().where('source_id', '=', 'gangge-matters-ai-bubble').executeTakeFirstOrThrow();
    expect(capture).toMatchObject({ seq: 1, method: 'seed', media_type: 'text/plain', captured_at: '2026-11-28T00:00:00.000Z', captured_by: 'seed' });
    expect(capture.raw_sha256).toBe(createHash('sha256').update(fs.readFileSync(path.join(repo, 'db', 'seed', 'article.zh-Hant.txt'))).digest('hex'));

    const passages = await db.selectFrom('claim_passage').select(['claim_id', 'position']).execute();
    const anchors = await db.selectFrom('quote_anchor').selectAll().where('source_id', '=', 'gangge-matters-ai-bubble').execute();
    expect(passages.length).toBeGreaterThan(result.corpus.claims.length); // claims quote the article more than once
    expect(anchors).toHaveLength(passages.length);
    for (const a of anchors) {
      expect(a, a.quote_key).toMatchObject({ status: 'verified', capture_id: capture.id, captured_at: '2026-11-28T00:00:00.000Z', distance: 0 });
    }
    expect((await db.selectFrom('claim').select('id').where('quote_problem_count', '>', 0).execute())).toEqual([]);
    // A source whose text we hold no copy of: its quotes say so.
    const noCapture = await db.selectFrom('quote_anchor').select('status').where('source_id', '!=', 'gangge-matters-ai-bubble').execute();
    expect(noCapture.length).toBeGreaterThan(0);
    expect(new Set(noCapture.map((r) => r.status))).toEqual(new Set(['no-capture']));

    const gpt = await getClaimPassages(db, 'llm-lead-lasts-months');
    expect(gpt.map((p) => p.anchor?.status)).toEqual(['verified', 'verified']);
    expect(gpt[1]!.anchor!.selectors![0]).toMatchObject({ type: 'TextQuoteSelector', exact: '此外,先行者優勢迅速消失。' });
  });
});

describe('quote anchors on a fixture', () => {
  function fixtureWithArticleCapture(article: string) {
    const dirs = copyFixture();
    fs.writeFileSync(path.join(dirs.seedDir, 'blog.txt'), article);
    fs.writeFileSync(path.join(dirs.seedDir, 'captures.json'), JSON.stringify([{ id: 'cap-blog-1', source: 'blog-post', file: 'blog.txt', media_type: 'text/plain', captured_at: '2026-11-20' }]));
    return dirs;
  }

  it('orphans a deliberately altered quote and flags its claim for review, in lists and the review queue', async () => {
    const dirs = fixtureWithArticleCapture('標題\n\n阿爾法的成本約為 5,000 萬美元;貝塔需投入十倍資金。\n');
    const alpha = path.join(dirs.claimsDir, 'alpha-figure.mdx');
    fs.writeFileSync(alpha, fs.readFileSync(alpha, 'utf8').replace('text: "阿爾法的成本約為 5,000 萬美元;"', 'text: "伽瑪的收益高達三百億歐元,遠超預期。"'));
    await checkAndIngest(db, dirs);

    const anchors = await db.selectFrom('quote_anchor').select(['quote_key', 'status']).where('source_id', '=', 'blog-post').orderBy('quote_key').execute();
    expect(anchors).toEqual([
      { quote_key: 'p:alpha-figure:0', status: 'orphan' },
      { quote_key: 'p:beta-figure:0', status: 'verified' },
    ]);
    const claims = await db.selectFrom('claim').select(['id', 'needs_review', 'quote_problem_count']).orderBy('id').execute();
    expect(claims).toEqual([
      { id: 'alpha-figure', needs_review: 1, quote_problem_count: 1 },
      { id: 'beta-figure', needs_review: 0, quote_problem_count: 0 },
    ]);
    const facet = await db.selectFrom('facet_count').select('count').where('facet', '=', 'needs-review').executeTakeFirst();
    expect(facet?.count).toBe(1);
    const queue = await listQuotesNeedingReview(db);
    expect(queue.total).toBe(1);
    expect(queue.items[0]).toMatchObject({ claimId: 'alpha-figure', kind: 'passage', quote: '伽瑪的收益高達三百億歐元,遠超預期。', anchor: { status: 'orphan', selectors: null } });

    // Fixing the claim file clears the flag at the next ingest.
    fs.writeFileSync(alpha, fs.readFileSync(alpha, 'utf8').replace('伽瑪的收益高達三百億歐元,遠超預期。', '阿爾法的成本約為 5,000 萬美元;'));
    await checkAndIngest(db, dirs);
    expect(await db.selectFrom('claim').select(['needs_review', 'quote_problem_count']).where('id', '=', 'alpha-figure').executeTakeFirst()).toEqual({ needs_review: 0, quote_problem_count: 0 });
  });

  it('re-anchors after a new capture (moved, fuzzy, orphan) and after an edit, the same as a full rebuild', async () => {
    await checkAndIngest(db, copyFixture());
    const editor = await createEditor(db);
    const first = await addCapture(db, 'essay', text('An essay.\n\nAlpha cost $50 million. So they say.\n\nThe end.'), editor);
    expect(first.capture).toMatchObject({ seq: 1, method: 'upload', capturedBy: editor.email, fileName: 'copy.txt' });
    const essay = () => db.selectFrom('quote_anchor').select(['status', 'distance', 'capture_id']).where('quote_key', '=', 'e:ev-alpha-essay').executeTakeFirstOrThrow();
    expect(await essay()).toEqual({ status: 'verified', distance: 0, capture_id: first.capture.id });
    expect(first.quotes.byStatus.verified).toBe(1);

    // A second copy: the sentence is still there, but in another paragraph.
    const second = await addCapture(db, 'essay', text('An essay, revised.\n\nIn the end: Alpha cost $50 million.\n'), editor);
    expect(second.capture.seq).toBe(2);
    expect(await essay()).toEqual({ status: 'moved', distance: 0, capture_id: second.capture.id });
    expect((await db.selectFrom('capture').select('id').where('source_id', '=', 'essay').execute()).length).toBe(2); // never overwritten

    // Editing the excerpt re-anchors it within that write.
    const row = await db.selectFrom('evidence').selectAll().where('id', '=', 'ev-alpha-essay').executeTakeFirstOrThrow();
    const edited = await updateEvidence(db, row.id, { excerpt: 'Alpha cost $51 million.' }, row.revision, editor);
    expect(await essay()).toMatchObject({ status: 'fuzzy', distance: 1 });
    expect((await db.selectFrom('claim').select('quote_problem_count').where('id', '=', 'alpha-figure').executeTakeFirstOrThrow()).quote_problem_count).toBe(1);
    await updateEvidence(db, row.id, { excerpt: 'Beta cost nothing whatsoever, said nobody.' }, edited.revision, editor);
    expect((await essay()).status).toBe('orphan');

    const incremental = await derivedState();
    await withWriteTransaction(db, (trx) => rebuildDerivedState(trx));
    expect(await derivedState()).toEqual(incremental);
  });
});
