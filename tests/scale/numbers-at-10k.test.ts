import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { getClaimNumbers, listNumbers, NUMBER_SORTS } from '../../lib/numbers/queries';
import { loadTemplates, populateScaleStore } from '../../scripts/scale/ledger-generator';
import { explainAll, openRecordingDb, planProblems } from '../helpers/query-plans';
import { HUB_CLAIM } from '../helpers/scale-cases';
import { makeTempDir } from '../helpers/test-db';

// /numbers and the numbers block on the generated 10,000-claim ledger: every numeric claim is
// listed, a bounded page at a time through an index, however deep the cursor; a claim's block
// stays the same size whatever the ledger holds. Sizes and plans are asserted, not timings
// (npm run bench:numbers measures the drawing cost).
const CLAIMS = 10_000;

let file: string;
let db: Db;

beforeAll(async () => {
  file = path.join(makeTempDir('claim-ledger-numbers-'), 'ledger.sqlite');
  db = createSqliteDb(file);
  await prepareStoreOrThrow(db);
  await populateScaleStore(db, CLAIMS, await loadTemplates());
}, 900_000);
afterAll(async () => db?.destroy());

describe('numbers at 10,000 claims', () => {
  it('lists thousands of numeric claims, 50 to a page, and walks every page by cursor without repeats', async () => {
    const numeric = Number((await db.selectFrom('claim_number').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(numeric).toBeGreaterThan(3_000);
    const first = await listNumbers(db);
    expect(first.items).toHaveLength(50);
    expect(first.total).toBe(1_000);
    expect(first.totalIsLowerBound).toBe(true);
    // Largest deviation first; claims nothing compares with (deviation null) at the end.
    const deviations = first.items.map((i) => Math.abs(Math.log10(i.deviation ?? 1)));
    expect([...deviations].sort((a, b) => b - a)).toEqual(deviations);
    const seen = new Set<string>();
    let page = first;
    let pages = 0;
    for (;;) {
      for (const item of page.items) {
        expect(seen.has(item.claimId)).toBe(false);
        seen.add(item.claimId);
      }
      pages++;
      if (!page.next) break;
      page = await listNumbers(db, { cursor: page.next });
    }
    expect(seen.size).toBe(numeric);
    expect(pages).toBe(Math.ceil(numeric / 50));
  });

  it('reads each order and a deep page through an index (no full or unbounded scan)', async () => {
    const recorder = openRecordingDb(file);
    try {
      const deep = await db.selectFrom('claim_number').select(['deviation_key', 'claim_id']).orderBy('deviation_key', 'desc').orderBy('claim_id', 'desc').offset(3_000).limit(1).executeTakeFirstOrThrow();
      expect(deep).toBeTruthy();
      recorder.take();
      for (const sort of NUMBER_SORTS) {
        const first = await listNumbers(recorder.db, { sort });
        await listNumbers(recorder.db, { sort, cursor: first.next! });
      }
      await getClaimNumbers(recorder.db, HUB_CLAIM);
      const queries = explainAll(file, recorder.take());
      expect(queries.length).toBeGreaterThan(8);
      expect(queries.flatMap((q) => planProblems(q).map((p) => `${p}\n    in: ${q.sql.slice(0, 300)}`))).toEqual([]);
    } finally {
      recorder.close();
    }
  });

  it('keeps a claim\'s numbers block and its list page small whatever the ledger holds', async () => {
    const block = await getClaimNumbers(db, HUB_CLAIM);
    expect(block).not.toBeNull();
    expect(JSON.stringify(block).length).toBeLessThan(32 * 1024);
    expect(block!.conflicts.length).toBeLessThanOrEqual(20);
    expect(JSON.stringify(await listNumbers(db, { pageSize: 200 })).length).toBeLessThan(160 * 1024);
    const chart = await db.selectFrom('claim_number').select('chart_svg').where('claim_id', '=', HUB_CLAIM).executeTakeFirstOrThrow();
    expect(chart.chart_svg.length).toBeLessThan(32 * 1024);
  });
});
