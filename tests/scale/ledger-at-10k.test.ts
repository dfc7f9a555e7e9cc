import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { encodeFolderSnapshot } from '../../lib/claims/folder-snapshot';
import { readIngestState } from '../../lib/claims/ingest-state';
import { listClaims } from '../../lib/claims/list-queries';
import { readFacetCount } from '../../lib/history/facet-counts';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { encodeCursor } from '../../lib/shared/keyset';
import { generatedClaimId, loadTemplates, populateScaleStore } from '../../scripts/scale/ledger-generator';
import { explainAll, openRecordingDb, planProblems, type PlannedQuery } from '../helpers/query-plans';
import { ARTICLE, HUB_CLAIM, scaleQueryCases } from '../helpers/scale-cases';
import { ensureNextBuild, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The generated 10,000-claim ledger (copies of the real claims, same sources, 4–10 evidence
// entries each): every list and page reads a bounded page through indexes, and no page or
// response grows with the ledger. Sizes and plans are asserted, not timings (the benchmark,
// npm run bench:scale, measures speed).
const CLAIMS = 10_000;

let dir: string;
let file: string;
let db: Db;
let realClaims: number;
let sampleClaim: string;

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-scale-');
  file = path.join(dir, 'ledger.sqlite');
  db = createSqliteDb(file);
  await prepareStoreOrThrow(db);
  const templates = await loadTemplates();
  realClaims = templates.claims.length;
  sampleClaim = generatedClaimId(templates.claims[42 % realClaims]!.frontmatter.id, 42);
  await populateScaleStore(db, CLAIMS, templates);
}, 600_000);
afterAll(async () => db?.destroy());

describe('the generated ledger at 10,000 claims', () => {
  it('holds what the generator promises: 10,000 copies, 4–10 evidence entries each, their notes and a revision log', async () => {
    expect(await readFacetCount(db, 'all', '')).toBe(CLAIMS + realClaims);
    const evidence = Number((await db.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(evidence).toBeGreaterThanOrEqual(CLAIMS * 4);
    expect(evidence).toBeLessThanOrEqual(CLAIMS * 10 + 200);
    const revisions = Number((await db.selectFrom('revision').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(revisions).toBeGreaterThan(evidence + CLAIMS);
    // Every claim rests on the article under review: it is the hub a naive query would scan.
    expect((await db.selectFrom('source').select('claim_count').where('id', '=', ARTICLE).executeTakeFirstOrThrow()).claim_count).toBe(CLAIMS + realClaims);
  });
});

describe('query plans at 10,000 claims', () => {
  let recorder: ReturnType<typeof openRecordingDb>;
  let deepClaimCursor: string;
  let deepSourceCursor: string;
  beforeAll(async () => {
    recorder = openRecordingDb(file);
    // A cursor about 9,000 claims deep (by title), and one deep into the article's claims.
    const deep = await db.selectFrom('claim').select(['sort_title', 'id']).where('listed', '=', 1).orderBy('sort_title').orderBy('id').offset(9_000).limit(1).executeTakeFirstOrThrow();
    deepClaimCursor = encodeCursor({ order: 'title:asc', direction: 'after', values: [deep.sort_title, deep.id] });
    const deepUse = await db.selectFrom('source_claim').select(['sort_title', 'claim_id']).where('source_id', '=', ARTICLE).orderBy('sort_title').orderBy('claim_id').offset(9_000).limit(1).executeTakeFirstOrThrow();
    deepSourceCursor = encodeCursor({ order: 'title', direction: 'after', values: [deepUse.sort_title, deepUse.claim_id] });
  });
  afterAll(async () => recorder?.close());

  const planned = (): PlannedQuery[] => explainAll(file, recorder.take());

  const cases = scaleQueryCases(() => recorder.db, () => ({ deepClaimCursor, deepSourceCursor, sampleClaim }));

  it.each(cases)('%s: no full scan of a ledger table, no unbounded index scan', async (_name, run) => {
    recorder.take();
    await run();
    const queries = planned();
    expect(queries.length).toBeGreaterThan(0);
    const problems = queries.flatMap((q) => planProblems(q).map((p) => `${p}\n    in: ${q.sql.slice(0, 300)}`));
    if (process.env.SHOW_PLANS) for (const q of queries) console.log(`${q.sql.slice(0, 160)}\n  ${q.plan.join('\n  ')}`);
    expect(problems).toEqual([]);
  });

  it("an incremental ingest reads the folder's snapshot in one row and counts the claims from indexes, reading no claim row and no file-index row per file", async () => {
    // As an ingest of a folder with every claim would have left it.
    const ids = (await db.selectFrom('claim').select('id').orderBy('id').execute()).map((r) => r.id);
    const names = ids.map((id) => `${id}.mdx`).sort();
    const snapshot = encodeFolderSnapshot({ names, sizes: new Float64Array(names.length), mtimes: new Float64Array(names.length), claimIds: names.map(() => null) });
    await db.insertInto('ingest_folder').values({ path: '/ledger/claims', snapshot: Buffer.from(snapshot) }).execute();
    try {
      recorder.take();
      const state = await readIngestState(recorder.db, { claimsDir: '/ledger/claims', seedFiles: ['/ledger/seed/sources.json'] });
      expect(state.folderFromSnapshot).toBe(true);
      expect(state.claims.size).toBe(ids.length);
      const plans = planned();
      const claimReads = plans.filter((q) => /from "claim"/.test(q.sql));
      // The withdrawn ones from their own small index, and a count from an index of ids alone.
      expect(claimReads).toHaveLength(2);
      expect(claimReads[0]!.plan).toEqual(['SCAN claim USING COVERING INDEX claim_withdrawn_idx']);
      expect(claimReads[1]!.sql).toMatch(/count\(\*\)/);
      expect(claimReads[1]!.plan[0]).toMatch(/^SCAN claim USING COVERING INDEX /);
      // The snapshots (a row per folder, and an ingest leaves one) and the seed files' entries
      // by key; no walk of the file index.
      expect(plans.filter((q) => /from "ingest_folder"/.test(q.sql)).map((q) => q.plan)).toEqual([['SCAN ingest_folder']]);
      const fileReads = plans.filter((q) => /from "ingest_file"/.test(q.sql));
      expect(fileReads).toHaveLength(1);
      expect(fileReads[0]!.plan).toEqual(['SEARCH ingest_file USING INDEX sqlite_autoindex_ingest_file_1 (path=?)']);
    } finally {
      await db.deleteFrom('ingest_folder').execute();
    }
  });

  it('reads a page 9,000 claims deep with the same plan as the first page', async () => {
    recorder.take();
    await listClaims(recorder.db);
    const first = planned().find((q) => /from "claim" as "c"/.test(q.sql) && /limit/.test(q.sql))!;
    await listClaims(recorder.db, { cursor: deepClaimCursor });
    const deep = planned().find((q) => /from "claim" as "c"/.test(q.sql) && /limit/.test(q.sql))!;
    expect(first.plan).toEqual(['SEARCH c USING INDEX claim_list_title_idx (listed=?)']);
    // The cursor is a seek into the same index, not rows read and skipped.
    expect(deep.plan).toEqual(['SEARCH c USING INDEX claim_list_title_idx (listed=? AND (sort_title,id)>(?,?))']);
  });
});

describe('pages and API responses at 10,000 claims, through server.mjs', () => {
  let server: RunningServer;
  beforeAll(async () => {
    await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
    server = await startNextServer(file);
  }, 360_000);
  afterAll(async () => server?.stop());

  const KB = 1024;
  // Every HTML page under 150 KB (the bound); API lists a page at a time.
  const routes: [string, number][] = [
    ['/', 150 * KB],
    ['/claims', 150 * KB],
    ['/claims?verdict=misleading&sort=confidence', 150 * KB],
    ['/claims?topic=ai-bubble', 150 * KB],
    ['/sources', 150 * KB],
    [`/sources/${ARTICLE}`, 150 * KB],
    [`/sources/${ARTICLE}/claims`, 150 * KB],
    [`/sources/${ARTICLE}/evidence`, 150 * KB],
    [`/sources/${ARTICLE}/history`, 150 * KB],
    [`/claims/${HUB_CLAIM}`, 150 * KB],
    [`/claims/${HUB_CLAIM}/history`, 150 * KB],
    [`/claims/${HUB_CLAIM}/lineage`, 150 * KB],
    [`/claims/${HUB_CLAIM}/evidence/new`, 150 * KB],
    ['/claims/<a generated claim>', 150 * KB],
    ['/search?q=GPT-4', 150 * KB],
    ['/numbers', 150 * KB],
    ['/numbers?sort=title&dir=desc', 150 * KB],
    ['/api/numbers', 64 * KB],
    [`/claims/${HUB_CLAIM}/numbers.svg`, 32 * KB],
    [`/claims/${HUB_CLAIM}/numbers.csv`, 16 * KB],
    ['/api/claims', 64 * KB],
    ['/api/claims?pageSize=100', 160 * KB],
    ['/api/sources', 64 * KB],
    [`/api/sources/${ARTICLE}`, 96 * KB],
    [`/api/claims/${HUB_CLAIM}`, 96 * KB],
    ['/api/search?q=GPT-4', 64 * KB],
  ];

  it.each(routes)('%s stays under its size bound', async (shown, bound) => {
    const route = shown.replace('<a generated claim>', sampleClaim);
    const res = await fetch(`${server.url}${route}`);
    expect(res.status, route).toBe(200);
    const body = await res.arrayBuffer();
    expect(body.byteLength, `${route}: ${body.byteLength} bytes`).toBeLessThan(bound);
  });

  it('pages through /claims by cursor: the next link of page 1 opens page 2, which differs and links back', async () => {
    const first = await (await fetch(`${server.url}/claims`)).text();
    const link = (html: string, rel: string) => html.match(/<a [^>]*>/g)?.find((a) => a.includes(`rel="${rel}"`));
    const next = /href="([^"]+)"/.exec(link(first, 'next') ?? '')?.[1];
    expect(next).toBeTruthy();
    const second = await (await fetch(`${server.url}${next!.replace(/&amp;/g, '&')}`)).text();
    const ids = (html: string) => [...html.matchAll(/href="\/claims\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(ids(second).length).toBeGreaterThan(0);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    expect(link(second, 'prev')).toBeTruthy();
  });
});
