import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { checkClaimsAndSeed } from '../../lib/claims/check';
import { getClaimPage } from '../../lib/claims/claim-page';
import { runIngest } from '../../lib/claims/ingest';
import { getClaimSummary, listClaimIds, listClaims, listRecentVerdicts } from '../../lib/claims/list-queries';
import { analyseArticle } from '../../lib/intake/analyse';
import { buildDrafts } from '../../lib/intake/draft';
import { listDrafts } from '../../lib/intake/drafts';
import { getClaimLineage } from '../../lib/lineage/queries';
import { parseSearchParams } from '../../lib/search/params';
import { createSearchService } from '../../lib/search/service';
import { listSourceClaims } from '../../lib/sources/list-queries';
import { getSource } from '../../lib/sources/source-page';
import { createTestDb, makeTempDir } from '../helpers/test-db';

const repo = path.resolve(import.meta.dirname, '..', '..');
const ARTICLE = [
  'Ledger intake test: the Zorbland dam cost 7 times its budget',
  'According to the Zorbland audit office, the Quillon dam cost US$4,200 million, seven times the budget approved in 2019.',
  'The audit office said construction ran 38% over schedule in March 2024.',
].join('\n');

describe('drafts: stored for editors, absent from every reader surface', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let claimsDir: string;
  let draftIds: string[];
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDb());
    claimsDir = path.join(makeTempDir('claim-ledger-drafts-'), 'claims');
    fs.cpSync(path.join(repo, 'claims'), claimsDir, { recursive: true });
    const { candidates } = analyseArticle(ARTICLE, { lang: 'en' });
    const drafts = buildDrafts(candidates.filter((c) => c.score > 0), {
      lang: 'en', sourceId: 'gangge-matters-ai-bubble', today: '2026-12-02', taken: new Set(fs.readdirSync(claimsDir).map((f) => f.replace(/\.mdx$/, ''))),
    });
    for (const d of drafts) fs.writeFileSync(path.join(claimsDir, d.fileName), d.mdx);
    draftIds = drafts.map((d) => d.id);
    const result = await runIngest(db, { claimsDir, seedDir: path.join(repo, 'db', 'seed') });
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
  });
  afterAll(() => cleanup());

  it('writes a draft per candidate, quoting its sentences verbatim with status: draft and TODO marks', () => {
    // The headline restates the first sentence's figure (7 times): one candidate, two passages.
    expect(draftIds.length).toBe(2);
    const mdx = fs.readFileSync(path.join(claimsDir, `${draftIds[0]}.mdx`), 'utf8');
    expect(mdx).toContain('status: "draft"');
    expect(mdx).toContain('text: "According to the Zorbland audit office, the Quillon dam cost US$4,200 million, seven times the budget approved in 2019."');
    expect(mdx).toContain('text: "Ledger intake test: the Zorbland dam cost 7 times its budget"');
    expect(mdx).toContain('translation: ""');
    expect(mdx).toContain('statement: "TODO: the claim in one English sentence"');
    expect(mdx).toContain('  - source: "gangge-matters-ai-bubble"');
  });

  it('suggests ids from the English gist', () => expect(draftIds).toEqual(['zorbland-audit-office-quillon-dam-4-2b-7x', 'audit-office-construction-ran-over-38-pct']));

  it('refuses a draft without status: draft, naming file, line and field', async () => {
    const file = path.join(claimsDir, `${draftIds[0]}.mdx`);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('status: "draft"\n', ''));
    try {
      const result = await checkClaimsAndSeed({ claimsDir, seedDir: path.join(repo, 'db', 'seed'), displayRoot: claimsDir, full: true });
      expect(result.ok).toBe(false);
      const problems = result.ok ? [] : result.problems.filter((p) => p.file.endsWith(`${draftIds[0]}.mdx`));
      expect(problems.map((p) => [p.line, p.field])).toEqual(expect.arrayContaining([[3, 'title'], [3 + 1, 'statement'], [8, 'original[0].translation']]));
      expect(problems[0]!.message).toContain('keep `status: draft`');
    } finally {
      fs.writeFileSync(file, text);
    }
  });

  it('is stored and shown to editors', async () => {
    const { items } = await listDrafts(db);
    expect(items.map((d) => d.id).sort()).toEqual([...draftIds].sort());
    expect(items.find((d) => d.id === draftIds[0])!.passage).toContain('Quillon dam');
  });

  it('is in no claim list, count or facet', async () => {
    const all = await listClaims(db, { pageSize: 100 } as never);
    const ids = all.items.map((c) => c.id);
    expect(ids.length).toBe(29);
    for (const id of draftIds) expect(ids).not.toContain(id);
    expect(all.total).toBe(29);
    const topic = await listClaims(db, { topic: 'intake-draft' } as never);
    expect([topic.items.length, topic.total]).toEqual([0, 0]);
    expect((await listRecentVerdicts(db, 100)).map((c) => c.id)).not.toContain(draftIds[0]);
    const facets = await db.selectFrom('facet_count').select(['facet', 'value', 'count']).where('value', '=', 'intake-draft').execute();
    expect(facets.filter((f) => f.count > 0)).toEqual([]);
  });

  it('has no claim page, summary, lineage or sitemap entry', async () => {
    expect(await getClaimLineage(db, 'ai-bubble-17x-dotcom')).not.toBeNull();
    for (const id of draftIds) {
      expect(await getClaimLineage(db, id)).toBeNull();
      expect(await getClaimPage(db, id)).toBeNull();
      expect(await getClaimSummary(db, id)).toBeNull();
    }
    const ids = await listClaimIds(db, { limit: 1000 });
    expect(ids.length).toBe(29);
    for (const id of draftIds) expect(ids).not.toContain(id);
  });

  it('is not on its source page', async () => {
    const source = await getSource(db, 'gangge-matters-ai-bubble');
    const uses = await listSourceClaims(db, 'gangge-matters-ai-bubble', { pageSize: 100 } as never);
    const ids = uses.items.map((u) => u.id);
    expect(ids).toContain('ai-bubble-17x-dotcom');
    for (const id of draftIds) expect(ids).not.toContain(id);
    expect(source!.claimCount).toBe(ids.length);
  });

  it('is not found by search, even by its own words', async () => {
    const service = createSearchService(db, { log: () => {} });
    for (const q of ['Quillon', 'Zorbland audit']) {
      const parsed = parseSearchParams({ q });
      if (!parsed.ok) throw new Error(parsed.problem.message);
      expect((await service.search(parsed.params)).groups.claim.hits.map((h) => h.id)).toEqual([]);
    }
    const parsed = parseSearchParams({ q: '17 倍' });
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect((await service.search(parsed.params)).groups.claim.hits.length).toBeGreaterThan(0);
  });
});

describe('the editors’ draft list', () => {
  it('reads drafts through the status index (its query plan), not by scanning the claims', async () => {
    const { db, cleanup } = await createTestDb();
    try {
      const plan = await sql<{ detail: string }>`explain query plan select id, file_path from claim where status = 'draft' and is_withdrawn = 0 order by id limit 51`.execute(db);
      const details = plan.rows.map((r) => r.detail).join(' | ');
      expect(details).toContain('claim_status_idx');
      expect(details).not.toMatch(/SCAN claim(?! USING)/);
    } finally {
      await cleanup();
    }
  });
});
