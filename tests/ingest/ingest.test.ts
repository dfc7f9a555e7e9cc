import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { decodeFolderSnapshot } from '../../lib/claims/folder-snapshot';
import { runIngest } from '../../lib/claims/ingest';
import { getDataVersion } from '../../lib/history/revisions';
import { copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

describe('claims ingest', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let dirs: ReturnType<typeof copyFixture>;
  const ingest = async () => {
    const result = await runIngest(db, { ...dirs, displayRoot: dirs.root });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.report;
  };
  const rewrite = (file: string, from: string, to: string) => {
    const p = path.join(dirs.root, file);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(from, to));
  };

  beforeEach(async () => {
    ({ db, cleanup } = await createTestDb());
    dirs = copyFixture('valid');
  });
  afterEach(async () => {
    await cleanup();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  it('loads a valid set: claims with their lists, sources, evidence, notes, and a revision per claim and seed row', async () => {
    const report = await ingest();
    expect(report.added).toEqual(['alpha-figure', 'beta-figure']);
    expect(report.seed.sources.added).toEqual(['blog-post', 'essay', 'report']);

    const alpha = await db.selectFrom('claim').selectAll().where('id', '=', 'alpha-figure').executeTakeFirstOrThrow();
    expect(alpha).toMatchObject({ verdict: 'misleading', original_lang: 'zh-Hant', quantity_value: 50000000, quantity_unit: 'USD', is_withdrawn: 0 });
    expect(JSON.parse(alpha.body_tree).type).toBe('root');
    expect(alpha.body_text).toContain('Alpha cost $4.3 million.');

    const appearances = await db.selectFrom('claim_appearance').selectAll().where('claim_id', '=', 'alpha-figure').orderBy('position').execute();
    expect(appearances.map((a) => [a.position, a.source_id, a.date])).toEqual([[0, 'blog-post', '2025-10'], [1, 'essay', '2025-10-17']]);
    const cites = await db.selectFrom('appearance_cite').selectAll().where('claim_id', '=', 'alpha-figure').execute();
    expect(cites).toEqual([{ claim_id: 'alpha-figure', position: 0, cited_source_id: 'essay', basis: 'stated', locator: null, inferred_by: null, note: null }]);
    expect(await db.selectFrom('claim_link').selectAll().execute()).toEqual([
      { from_claim_id: 'alpha-figure', to_claim_id: 'beta-figure', relation: 'same-figure' },
    ]);
    expect((await db.selectFrom('claim_topic').select('topic').where('claim_id', '=', 'beta-figure').orderBy('topic').execute()).map((r) => r.topic)).toEqual(['beta', 'costs']);

    const essay = await db.selectFrom('source').selectAll().where('id', '=', 'essay').executeTakeFirstOrThrow();
    expect(essay.url).toBe('https://example.org/essay');
    expect(JSON.parse(essay.copies)).toEqual([{ url: 'https://mirror.example.org/essay', kind: 'mirror' }]);

    const revisions = await db.selectFrom('revision').select(['entity_type', 'entity_id', 'actor', 'action', 'snapshot']).execute();
    expect(revisions).toHaveLength(3 + 2 + 1 + 2);
    expect(new Set(revisions.filter((r) => r.entity_type !== 'claim').map((r) => `${r.actor}/${r.action}`))).toEqual(new Set(['seed/create']));
    const claimRevisions = revisions.filter((r) => r.entity_type === 'claim');
    expect(claimRevisions.map((r) => `${r.entity_id}/${r.actor}/${r.action}`).sort()).toEqual(['alpha-figure/ingest/create', 'beta-figure/ingest/create']);
    // The snapshot holds what the file said, lists included, and none of the derived state.
    const alphaSnapshot = JSON.parse(claimRevisions.find((r) => r.entity_id === 'alpha-figure')!.snapshot);
    expect(alphaSnapshot).toMatchObject({ verdict: 'misleading', topics: expect.any(Array), appearances: expect.any(Array), related: [{ id: 'beta-figure', relation: 'same-figure' }] });
    expect(alphaSnapshot).not.toHaveProperty('body_tree');
    expect(alphaSnapshot).not.toHaveProperty('current_verdict');
  });

  it('reports everything unchanged on a second ingest, reads no file and writes nothing', async () => {
    await ingest();
    const version = await getDataVersion(db);
    const revisions = await db.selectFrom('revision').select('id').execute();
    const second = await ingest();
    expect(second.added).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.unchanged).toEqual(['alpha-figure', 'beta-figure']);
    // Unchanged files cost a stat: nothing is parsed, and unchanged seed files are not synced.
    expect(second.parsed).toBe(0);
    expect(second.seed.sources.unchanged).toEqual([]);
    expect(second.seed.evidence.unchanged).toEqual([]);
    expect(await getDataVersion(db)).toBe(version);
    expect(await db.selectFrom('revision').select('id').execute()).toEqual(revisions);
  });

  it('trusts the stored snapshot of the folder: a claim file with other bytes but the same size and mtime is not read', async () => {
    const alpha = path.join(dirs.claimsDir, 'alpha-figure.mdx');
    const mtime = 1_700_000_000; // whole seconds: set again exactly below
    fs.utimesSync(alpha, mtime, mtime);
    await ingest();
    const stored = await db.selectFrom('ingest_folder').select(['path', 'snapshot']).execute();
    expect(stored.map((r) => r.path)).toEqual([path.resolve(dirs.claimsDir)]);
    expect(decodeFolderSnapshot(stored[0]!.snapshot)?.names).toEqual(['alpha-figure.mdx', 'beta-figure.mdx']);
    fs.writeFileSync(alpha, 'x'.repeat(fs.statSync(alpha).size));
    fs.utimesSync(alpha, mtime, mtime);
    const second = await ingest();
    expect(second.parsed).toBe(0);
    expect(second.unchanged).toEqual(['alpha-figure', 'beta-figure']);
  });

  it('reads no claim file over a store indexed before folders had snapshots, and leaves one', async () => {
    await ingest();
    await db.deleteFrom('ingest_folder').execute();
    rewrite('claims/beta-figure.mdx', 'topics: ["costs", "beta"]', 'topics: ["beta"]');
    const report = await ingest();
    expect(report.parsed).toBe(1);
    expect(report.updated).toEqual(['beta-figure']);
    expect(report.unchanged).toEqual(['alpha-figure']);
    expect(await db.selectFrom('ingest_folder').select('path').execute()).toEqual([{ path: path.resolve(dirs.claimsDir) }]);
  });

  it('reads and reinstates the claims that an ingest of another folder withdrew, when their folder is ingested again', async () => {
    await ingest();
    const other = path.join(dirs.root, 'other-claims');
    fs.mkdirSync(other);
    fs.copyFileSync(path.join(dirs.claimsDir, 'beta-figure.mdx'), path.join(other, 'beta-figure.mdx'));
    // Alpha's seed evidence and notes would name a claim that is gone: the other folder's seed has none.
    for (const seed of ['evidence.json', 'confidence-notes.json']) fs.writeFileSync(path.join(dirs.seedDir, seed), '[]');
    const away = await runIngest(db, { ...dirs, claimsDir: other, displayRoot: dirs.root });
    expect(away.ok && away.report.withdrawn).toEqual(['alpha-figure']);
    expect(await db.selectFrom('ingest_folder').select('path').execute()).toEqual([{ path: other }]);
    const back = await ingest();
    expect(back.updated).toEqual(['alpha-figure']);
    expect((await db.selectFrom('claim').select('is_withdrawn').where('id', '=', 'alpha-figure').executeTakeFirstOrThrow()).is_withdrawn).toBe(0);
  });

  it('reads every file of a folder again after an ingest of another folder that defines the same claims differently', async () => {
    const other = path.join(dirs.root, 'other-claims');
    fs.cpSync(dirs.claimsDir, other, { recursive: true });
    const beta = path.join(other, 'beta-figure.mdx');
    fs.writeFileSync(beta, fs.readFileSync(beta, 'utf8').replace('topics: ["costs", "beta"]', 'topics: ["beta"]'));
    const topics = async () => (await db.selectFrom('claim_topic').select('topic').where('claim_id', '=', 'beta-figure').orderBy('topic').execute()).map((r) => r.topic);
    await ingest();
    const away = await runIngest(db, { ...dirs, claimsDir: other, displayRoot: dirs.root });
    expect(away.ok && away.report.updated).toEqual(['beta-figure']);
    expect(await topics()).toEqual(['beta']);
    // Back: this folder's files did not move, but the store holds the other folder's version.
    const back = await ingest();
    expect(back.updated).toEqual(['beta-figure']);
    expect(await topics()).toEqual(['beta', 'costs']);
  });

  it("checks a changed claim's sources against the ids the file index keeps of an unchanged sources file, without reading it", async () => {
    const sources = path.join(dirs.seedDir, 'sources.json');
    const mtime = 1_700_000_000; // whole seconds: set again exactly below
    fs.utimesSync(sources, mtime, mtime);
    await ingest();
    const indexed = await db.selectFrom('ingest_file').select('defines').where('path', '=', sources).executeTakeFirstOrThrow();
    expect(JSON.parse(indexed.defines!)).toContain('blog-post');
    // Same size and mtime, other bytes: the check trusts the stat, so it must not read the file.
    fs.writeFileSync(sources, 'x'.repeat(fs.statSync(sources).size));
    fs.utimesSync(sources, mtime, mtime);
    rewrite('claims/beta-figure.mdx', 'topics: ["costs", "beta"]', 'topics: ["beta"]');
    expect((await ingest()).updated).toEqual(['beta-figure']);
    // And a source it does not define is still refused.
    rewrite('claims/beta-figure.mdx', 'source: "blog-post"', 'source: "no-such-source"');
    const refused = await runIngest(db, { ...dirs, displayRoot: dirs.root });
    expect(refused.ok ? [] : refused.problems.map((p) => p.message)).toEqual(['unknown source id "no-such-source": define it in seed/sources.json']);
  });

  it('fills in the ids of a sources file indexed before they were kept, from one plain read', async () => {
    await ingest();
    const sources = path.join(dirs.seedDir, 'sources.json');
    await db.updateTable('ingest_file').set({ defines: null }).where('path', '=', sources).execute();
    rewrite('claims/beta-figure.mdx', 'topics: ["costs", "beta"]', 'topics: ["beta"]');
    await ingest();
    const indexed = await db.selectFrom('ingest_file').select('defines').where('path', '=', sources).executeTakeFirstOrThrow();
    expect(JSON.parse(indexed.defines!)).toContain('blog-post');
  });

  it('updates a changed claim and replaces its derived lists', async () => {
    await ingest();
    rewrite('claims/beta-figure.mdx', 'topics: ["costs", "beta"]', 'topics: ["beta"]');
    const report = await ingest();
    expect(report.updated).toEqual(['beta-figure']);
    expect(report.unchanged).toEqual(['alpha-figure']);
    const topics = await db.selectFrom('claim_topic').select('topic').where('claim_id', '=', 'beta-figure').execute();
    expect(topics).toEqual([{ topic: 'beta' }]);
  });

  it('marks a claim whose file is gone as withdrawn, keeping the row and its evidence', async () => {
    await ingest();
    fs.rmSync(path.join(dirs.claimsDir, 'alpha-figure.mdx'));
    // Its seed evidence and notes must go too, or the check refuses the set.
    fs.writeFileSync(path.join(dirs.seedDir, 'evidence.json'), '[]');
    fs.writeFileSync(path.join(dirs.seedDir, 'confidence-notes.json'), '[]');
    rewrite('claims/beta-figure.mdx', 'Nothing to see', 'Still nothing to see');
    const report = await ingest();
    expect(report.withdrawn).toEqual(['alpha-figure']);
    const alpha = await db.selectFrom('claim').select(['is_withdrawn', 'withdrawn_at']).where('id', '=', 'alpha-figure').executeTakeFirstOrThrow();
    expect(alpha.is_withdrawn).toBe(1);
    expect(alpha.withdrawn_at).not.toBeNull();
    const evidence = await db.selectFrom('evidence').select('id').where('claim_id', '=', 'alpha-figure').orderBy('id').execute();
    expect(evidence.map((e) => e.id)).toEqual(['ev-alpha-essay', 'ev-alpha-report']);

    // Restoring the file brings the claim back.
    fs.cpSync(path.join(import.meta.dirname, '..', 'fixtures', 'valid', 'claims', 'alpha-figure.mdx'), path.join(dirs.claimsDir, 'alpha-figure.mdx'));
    const back = await ingest();
    expect(back.updated).toContain('alpha-figure');
    expect((await db.selectFrom('claim').select('is_withdrawn').where('id', '=', 'alpha-figure').executeTakeFirstOrThrow()).is_withdrawn).toBe(0);
  });

  it('never touches evidence created outside the seed', async () => {
    await ingest();
    const at = '2026-11-20T10:00:00.000Z';
    await db
      .insertInto('evidence')
      .values({
        id: 'ev-user-1', claim_id: 'alpha-figure', source_id: 'report', stance: 'supports', target: 'whole',
        excerpt: 'Someone added this.', lang: 'en', translation: null, locator: null, value: null, unit: null,
        as_of: null, note: null, status: 'accepted', retracted_at: null, retracted_reason: null, origin: 'user',
        seed_hash: null, revision: 1, author: 'editor@example.org', created_at: at, updated_at: at,
      })
      .execute();
    rewrite('claims/alpha-figure.mdx', 'Alpha costs $50M', 'Alpha cost $50M');
    await ingest();
    const row = await db.selectFrom('evidence').selectAll().where('id', '=', 'ev-user-1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ excerpt: 'Someone added this.', origin: 'user', revision: 1, updated_at: at });
  });

  it('updates a seed row that is untouched, and keeps one edited through the site since', async () => {
    await ingest();
    // An editor corrects one seed evidence entry (as the API would: new revision, content changed).
    await db.updateTable('evidence').set({ note: 'Corrected by an editor.', revision: 2 }).where('id', '=', 'ev-alpha-essay').execute();
    rewrite('seed/evidence.json', '"note": "An order of magnitude lower."', '"note": "An order of magnitude lower (compute only)."');
    rewrite('seed/evidence.json', '"note": null,\n    "author": "Editors",\n    "created_at": "2026-11-01T00:00:00Z",\n    "seed_revision": 1\n  }\n]', '"note": "Seed wording.",\n    "author": "Editors",\n    "created_at": "2026-11-01T00:00:00Z",\n    "seed_revision": 2\n  }\n]');
    const report = await ingest();
    expect(report.seed.evidence.updated).toEqual(['ev-alpha-report']);
    expect(report.seed.evidence['kept-edited']).toEqual(['ev-alpha-essay']);
    const rows = await db.selectFrom('evidence').select(['id', 'note', 'revision']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'ev-alpha-essay', note: 'Corrected by an editor.', revision: 2 },
      { id: 'ev-alpha-report', note: 'An order of magnitude lower (compute only).', revision: 2 },
    ]);
    const rev = await db.selectFrom('revision').selectAll().where('entity_id', '=', 'ev-alpha-report').where('revision', '=', 2).executeTakeFirstOrThrow();
    expect(rev.actor).toBe('seed');
    expect(JSON.parse(rev.diff)).toEqual({
      note: ['An order of magnitude lower.', 'An order of magnitude lower (compute only).'],
      revision: [1, 2],
      seed_hash: [expect.any(String), expect.any(String)],
      updated_at: [expect.any(String), expect.any(String)],
    });
  });

  it('keeps a retracted seed row retracted', async () => {
    await ingest();
    await db.updateTable('evidence').set({ retracted_at: '2026-11-20T00:00:00Z', retracted_reason: 'Misquoted', revision: 2 }).where('id', '=', 'ev-alpha-report').execute();
    rewrite('seed/evidence.json', '"locator": "table 1"', '"locator": "table 2"');
    const report = await ingest();
    expect(report.seed.evidence['kept-edited']).toEqual(['ev-alpha-report']);
    const row = await db.selectFrom('evidence').select(['retracted_at', 'locator']).where('id', '=', 'ev-alpha-report').executeTakeFirstOrThrow();
    expect(row).toEqual({ retracted_at: '2026-11-20T00:00:00Z', locator: 'table 1' });
  });

  it('treats confidence notes as append-only: a changed seed note is reported, not rewritten', async () => {
    await ingest();
    rewrite('seed/confidence-notes.json', '"confidence": 0.8', '"confidence": 0.6');
    const report = await ingest();
    expect(report.seed.notes['kept-append-only']).toEqual(['cn-alpha-1']);
    expect((await db.selectFrom('confidence_note').select('confidence').executeTakeFirstOrThrow()).confidence).toBe(0.8);
  });
});
