import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import type { NewClaimRow, SourceContentRow } from '../../db/schema';
import { getActorByEmailOrThrow } from '../../lib/auth/users';
import { createEvidence, retractEvidence } from '../../lib/evidence/write';
import { rebuildDerivedState } from '../../lib/history/derived-state';
import { COUNT_CAP } from '../../lib/history/facet-counts';
import { writeWithRevisions } from '../../lib/history/revision-kernel';
import { withWriteTransaction } from '../../db/transaction';
import { getClaimLineage, getSourceLineage, listClaimsThroughOthers, listLineageRoots } from '../../lib/lineage/queries';
import { mergeSources, updateSource } from '../../lib/sources/write';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

// Lineage is derived state: refreshed inside each write for what it touched. These tests check
// that the refresh after a series of writes equals a full rebuild, and that the reads stay one
// index range at 10,000 claims.

const LINEAGE_TABLES = ['claim_lineage', 'lineage_node', 'source_upstream', 'source_lineage', 'source_cite'] as const;

async function lineageState(db: Db) {
  const out: Record<string, string[]> = {};
  for (const t of LINEAGE_TABLES) out[t] = (await db.selectFrom(t).selectAll().execute()).map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  return out;
}

describe('lineage as derived state', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    await checkAndIngest(db, copyFixture('lineage'));
    await createEditor(db);
  });
  afterAll(() => cleanup());

  it('after citation edits, evidence, a retraction and a merge, the incremental refresh equals a full rebuild', async () => {
    const editor = await getActorByEmailOrThrow(db, EDITOR_EMAIL);
    const revisionOf = async (id: string) => (await db.selectFrom('source').select('revision').where('id', '=', id).executeTakeFirstOrThrow()).revision;
    await updateSource(db, 'survey-b', { cites: [{ sourceId: 'survey-a', basis: 'stated', locator: null, inferredBy: null, note: null }] }, await revisionOf('survey-b'), editor);
    await updateSource(db, 'survey-a', { cites: [{ sourceId: 'digest', basis: 'inferred', locator: null, inferredBy: null, note: 'a loop, on purpose' }] }, await revisionOf('survey-a'), editor);
    await updateSource(db, 'unread-note', { verified: true, reliability: 'C' }, await revisionOf('unread-note'), editor);
    const added = await createEvidence(
      db,
      'doubled-figure',
      { sourceId: 'article-one', stance: 'contradicts', target: 'value', excerpt: 'Ten, not twenty.', lang: 'en', translation: null, locator: null, value: null, unit: null, asOf: null, note: null },
      { kind: 'editor', actor: editor },
    );
    await mergeSources(db, 'article-three', 'article-two', 'the same article', editor);
    await retractEvidence(db, 'ev-two', 'duplicate', (await db.selectFrom('evidence').select('revision').where('id', '=', 'ev-two').executeTakeFirstOrThrow()).revision, editor);

    // The loop survey A → digest → survey B → survey A is flagged on the claim that holds it.
    const surveys = await getClaimLineage(db, 'two-surveys');
    expect(surveys?.nodes.filter((n) => n.flags.includes('cycle')).map((n) => n.source.id).sort()).toEqual(['digest', 'survey-a', 'survey-b']);
    // After the merge, the release claim's appearance in article three is article two's.
    const release = await getClaimLineage(db, 'release-figure');
    expect(release?.nodes.map((n) => n.source.id)).toEqual(['article-one', 'article-two', 'release']);
    expect((await getClaimLineage(db, 'doubled-figure'))?.evidence.byStance.contradicts.sources).toBe(1);
    expect(added.id).toBeTruthy();

    const incremental = await lineageState(db);
    await withWriteTransaction(db, (trx) => rebuildDerivedState(trx));
    expect(await lineageState(db)).toEqual(incremental);
  });
});

/** Captures the SQL a function runs, to ask SQLite how it would answer each statement. */
async function plansOf(db: Db, run: (db: Db) => Promise<unknown>): Promise<string[]> {
  const compiled: CompiledQuery[] = [];
  const traced = db.withPlugin({
    transformQuery: (args) => {
      compiled.push(db.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  await run(traced);
  const plans: string[] = [];
  for (const q of compiled.filter((c) => /^select/i.test(c.sql))) {
    const rows = (await db.executeQuery(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]))).rows as { detail: string }[];
    plans.push(`${q.sql}\n  ${rows.map((r) => r.detail).join('\n  ')}`);
  }
  return plans;
}

const BIG_TABLES = ['claim', 'claim_lineage', 'lineage_node', 'source_upstream', 'source_lineage', 'source'];

describe('lineage at 10,000 claims', () => {
  const CLAIMS = 10_000;
  const OUTLETS = 200;
  let db: Db;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    const at = '2026-11-28T00:00:00.000Z';
    const source = (id: string, cites: string[], extra: Partial<SourceContentRow> = {}): SourceContentRow => ({
      id, title: `Source ${id}`, publisher: null, authors: '[]', published: '2026-01', url: null, copies: '[]', accessed: null, type: 'news', lang: 'en',
      reliability: 'B', reliability_reason: 'Generated.', is_verified: 1, licence: null, text_public: 0,
      cites: JSON.stringify(cites.map((c) => ({ source: c, basis: 'stated', locator: null, inferred_by: null, note: null }))),
      merged_into: null, status: 'accepted', origin: 'user', seed_hash: null, revision: 1, created_by: 'generator', created_at: at, updated_at: at, ...extra,
    });
    const claim = (i: number): NewClaimRow => ({
      id: `claim-${String(i).padStart(5, '0')}`, file_path: `claims/claim-${i}.mdx`, title: `Generated claim ${i}`, statement: `Statement ${i}.`,
      original_lang: 'en', original_text: `Statement ${i}.`, original_translation: `Statement ${i}.`, claimant: 'Generator', verdict: 'mixed', verdict_date: '2026-11-01',
      quantity_value: null, quantity_low: null, quantity_high: null, quantity_unit: null, quantity_measure: null, quantity_as_of: null,
      body_mdx: '', body_tree: '{"type":"root","children":[]}', body_text: '', content_hash: `h${i}`, is_withdrawn: 0, withdrawn_at: null, ingested_at: at, updated_at: at,
    });
    await writeWithRevisions(db, { actor: 'generator', at }, async (w) => {
      await w.insertMany('source', [source('release', [], { reliability: 'A', type: 'report' }), source('wire', ['release']), ...Array.from({ length: OUTLETS }, (_, i) => source(`outlet-${i}`, ['wire']))], { action: 'create' });
      const claims = Array.from({ length: CLAIMS }, (_, i) => claim(i));
      await w.insertMany('claim', claims, { action: 'create' });
      const appearances = claims.flatMap((c, i) => [
        { claim_id: c.id, position: 0, source_id: `outlet-${i % OUTLETS}`, date: '2026-02', note: null },
        { claim_id: c.id, position: 1, source_id: `outlet-${(i + 7) % OUTLETS}`, date: '2026-03', note: null },
      ]);
      for (let i = 0; i < appearances.length; i += 200) await w.trx.insertInto('claim_appearance').values(appearances.slice(i, i + 200)).execute();
    });
  }, 300_000);
  afterAll(() => cleanup());

  it('derives every claim from the one release, and a citation edit on the wire reaches all of them', async () => {
    const roots = await listLineageRoots(db, { pageSize: 5 });
    expect(roots.items[0]).toMatchObject({ source: { id: 'release' }, derivedClaims: CLAIMS, derivedSources: OUTLETS + 1 });
    expect((await getClaimLineage(db, 'claim-04321'))?.counts).toMatchObject({ sources: 2, independent: 1 });

    // The wire now cites a second, independent origin as well: every claim rests on both.
    await writeWithRevisions(db, { actor: 'generator' }, async (w) => {
      await w.insertMany('source', [{ ...(await w.trx.selectFrom('source').selectAll().where('id', '=', 'release').executeTakeFirstOrThrow()), id: 'agency', title: 'Agency', listed: undefined, sort_title: undefined, published_key: undefined, claim_count: undefined, evidence_count: undefined, use_rank: undefined, facets: undefined } as never], { action: 'create' });
      const wire = await w.trx.selectFrom('source').selectAll().where('id', '=', 'wire').executeTakeFirstOrThrow();
      await w.update('source', wire, { cites: JSON.stringify([{ source: 'release', basis: 'stated', locator: null, inferred_by: null, note: null }, { source: 'agency', basis: 'stated', locator: null, inferred_by: null, note: null }]) }, { action: 'update' });
    });
    const after = await listLineageRoots(db, { pageSize: 5 });
    expect(after.items.slice(0, 2).map((r) => [r.source.id, r.derivedClaims, r.derivedSources])).toEqual([['agency', CLAIMS, OUTLETS + 1], ['release', CLAIMS, OUTLETS + 1]]);
    expect((await getClaimLineage(db, 'claim-09999'))?.nodes.map((n) => n.source.id)).toContain('agency');
  }, 300_000);

  it('answers the roots list, a source neighbourhood and a claim graph from indexes, a bounded page each', async () => {
    const page = await listClaimsThroughOthers(db, 'release', { pageSize: 20 });
    expect(page.items).toHaveLength(20);
    // Counted through the index up to the cap, then "at least".
    expect(page).toMatchObject({ total: Math.min(CLAIMS, COUNT_CAP), totalIsLowerBound: CLAIMS > COUNT_CAP });
    const deep = await listClaimsThroughOthers(db, 'release', { pageSize: 20, cursor: page.next! });
    expect(deep.items[0]!.id > page.items.at(-1)!.id).toBe(true);
    const neighbourhood = await getSourceLineage(db, 'wire');
    expect(neighbourhood?.truncated).toBe(true);
    expect(neighbourhood!.nodes.length).toBeLessThanOrEqual(2 * 40 + 1);

    const plans = [
      ...(await plansOf(db, (d) => listLineageRoots(d, { pageSize: 25 }))),
      ...(await plansOf(db, (d) => listClaimsThroughOthers(d, 'release', { cursor: page.next! }))),
      ...(await plansOf(db, (d) => getSourceLineage(d, 'wire'))),
      ...(await plansOf(db, (d) => getClaimLineage(d, 'claim-00042'))),
    ];
    expect(plans.length).toBeGreaterThan(5);
    if (process.env.SHOW_PLANS) console.log(plans.join("\n\n"));
    for (const plan of plans) {
      const scans = plan.split('\n').filter((line) => BIG_TABLES.some((t) => new RegExp(`SCAN ${t}\\b`).test(line)) && !/USING (COVERING )?INDEX/.test(line));
      expect(scans, plan).toEqual([]);
      expect(plan, plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    }
  }, 120_000);
});
