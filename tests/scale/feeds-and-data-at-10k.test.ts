import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { getClaimReviewFeedPage, type ClaimReviewFeedPage } from '../../lib/citations/claim-review-feed';
import { getClaimCsl, getSourceCsl } from '../../lib/citations/queries';
import { FEED_ENTRY_LIMIT, listFeedEntries } from '../../lib/feeds/entries';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { renderSitemapRoot } from '../../lib/sitemap/sitemap';
import { loadTemplates, populateScaleStore } from '../../scripts/scale/ledger-generator';
import { explainAll, openRecordingDb, planProblems } from '../helpers/query-plans';
import { ARTICLE, HUB_CLAIM } from '../helpers/scale-cases';
import { makeTempDir } from '../helpers/test-db';

// Citations, feeds and the ClaimReview data feed on the generated 10,000-claim ledger: each
// reads a bounded page through indexes, and each response has a size bound that does not grow
// with the ledger. (The sitemap is bounded by the protocol's 50,000 URLs per file instead.)
const CLAIMS = 10_000;

let file: string;
let db: Db;
let recorder: ReturnType<typeof openRecordingDb>;

beforeAll(async () => {
  file = path.join(makeTempDir('claim-ledger-scale-feeds-'), 'ledger.sqlite');
  db = createSqliteDb(file);
  await prepareStoreOrThrow(db);
  await populateScaleStore(db, CLAIMS, await loadTemplates());
  recorder = openRecordingDb(file);
}, 600_000);
afterAll(async () => {
  await recorder?.close();
  await db?.destroy();
});

/**
 * Plan problems: the shared checks, and a sort of everything a scope matches (a TEMP B-TREE for
 * ORDER BY), which would read the whole log of a hub source or all listed claims per page.
 */
async function plannedProblems(run: () => Promise<unknown>, noScopeSort: boolean) {
  recorder.take();
  await run();
  const queries = explainAll(file, recorder.take());
  expect(queries.length).toBeGreaterThan(0);
  return queries.flatMap((q) => [...planProblems(q), ...q.plan.filter((l) => noScopeSort && /TEMP B-TREE FOR ORDER BY/.test(l))].map((p) => `${p}\n    in: ${q.sql.slice(0, 300)}`));
}

describe('citations, feeds and the data feed at 10,000 claims', () => {
  it.each([
    // A claim's bibliography sorts that claim's own sources (at most CLAIM_BIBLIOGRAPHY_LIMIT are kept).
    ['a claim citation with its bibliography', () => getClaimCsl(recorder.db, HUB_CLAIM), false],
    ['a source citation', () => getSourceCsl(recorder.db, ARTICLE), false],
    ['the site feed', () => listFeedEntries(recorder.db, { kind: 'site' }), true],
    ['a claim feed', () => listFeedEntries(recorder.db, { kind: 'claim', id: HUB_CLAIM }), true],
    ['the feed of the hub source every claim rests on', () => listFeedEntries(recorder.db, { kind: 'source', id: ARTICLE }), true],
    ['a broad topic feed', () => listFeedEntries(recorder.db, { kind: 'topic', topic: 'ai-bubble' }), true],
    ['the data feed, first page', () => getClaimReviewFeedPage(recorder.db, null), true],
    ['the data feed, a page 9,000 claims deep', async () => {
      const deep = await db.selectFrom('claim').select('id').where('listed', '=', 1).orderBy('id').offset(9_000).limit(1).executeTakeFirstOrThrow();
      recorder.take();
      return getClaimReviewFeedPage(recorder.db, deep.id);
    }, true],
  ] as const)('%s: no full scan of a ledger table, no unbounded index scan', async (_name, run, noScopeSort) => {
    expect(await plannedProblems(run, noScopeSort)).toEqual([]);
  });

  it(`every feed holds at most ${FEED_ENTRY_LIMIT} entries, the hub source's and a topic's too`, async () => {
    for (const scope of [{ kind: 'site' }, { kind: 'source', id: ARTICLE }, { kind: 'topic', topic: 'ai-bubble' }] as const) {
      const entries = await listFeedEntries(db, scope);
      expect(entries.length).toBe(FEED_ENTRY_LIMIT);
    }
  });

  it('a data feed page holds at most 500 reviews and under 1 MB, and the pages cover every listed claim', async () => {
    let after: string | null = null;
    let total = 0;
    let pages = 0;
    do {
      const page: ClaimReviewFeedPage = (await getClaimReviewFeedPage(db, after))!;
      const elements = page.body.dataFeedElement as unknown[];
      expect(elements.length).toBeLessThanOrEqual(500);
      expect(JSON.stringify(page.body).length).toBeLessThan(1_000_000);
      total += elements.length;
      pages++;
      after = page.next;
    } while (after);
    const listed = Number((await db.selectFrom('claim').select((eb) => eb.fn.countAll<number>().as('n')).where('listed', '=', 1).executeTakeFirstOrThrow()).n);
    expect(total).toBe(listed);
    expect(pages).toBe(Math.ceil(listed / 500));
  });

  it('a claim citation resting on the hub sources lists at most 100 of them', async () => {
    const items = (await getClaimCsl(db, HUB_CLAIM))!;
    expect(items.length).toBeGreaterThan(1);
    expect(items.length).toBeLessThanOrEqual(101);
  });

  it('the sitemap at 10,000 claims is one file; with a lower limit, an index', async () => {
    expect(await renderSitemapRoot(db)).toContain('<urlset');
    expect(await renderSitemapRoot(db, 5_000)).toContain('<sitemapindex');
  });
});
