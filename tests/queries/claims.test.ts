import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { getClaimPage } from '../../lib/claims/claim-page';
import { listClaims } from '../../lib/claims/list-queries';
import { pickCurrentVerdict } from '../../lib/claims/verdict-rules';
import { countByVerdict } from '../../lib/history/facet-counts';
import { writeWithRevisions } from '../../lib/history/revision-kernel';
import { listSources } from '../../lib/sources/list-queries';
import { getSource } from '../../lib/sources/source-page';
import { SOURCE_CONTENT_COLUMNS } from '../../lib/sources/write';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

// A third claim that declares a link to alpha (so alpha sees it as incoming) and is later
// withdrawn by deleting its file: exercises both ends of a link and withdrawn claims.
const GAMMA = `---
id: "gamma-figure"
title: "Gamma repeats alpha"
statement: "Gamma repeats the alpha figure."
original:
  lang: "en"
  text: "Gamma cost the same as alpha."
  translation: "Gamma cost the same as alpha."
claimant: "A newsletter"
topics: ["costs"]
appearances:
  - source: "report"
    date: "2026-01"
verdict: "false"
verdict_date: "2026-10-01"
summary: "Gamma repeats the alpha figure, which the report contradicts."
related:
  - id: "alpha-figure"
    relation: "depends-on"
---

See <ClaimRef id="alpha-figure" />.
`;

let db: Db;
let cleanup: () => Promise<void>;
let dirs: ReturnType<typeof copyFixture>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  dirs = copyFixture();
  fs.writeFileSync(path.join(dirs.claimsDir, 'gamma-figure.mdx'), GAMMA);
  await checkAndIngest(db, dirs);
});
afterAll(async () => cleanup());

/** Appends a note the way the app does: through the revision kernel, which refreshes the claim's derived state. */
async function insertNote(values: { id: string; claim: string; confidence: number | null; verdict: string | null; at: string }) {
  await writeWithRevisions(db, { actor: 'tester', at: values.at }, (w) =>
    w.insert('confidence_note', {
      id: values.id,
      claim_id: values.claim,
      confidence: values.confidence,
      verdict: values.verdict,
      reason: `reason for ${values.id}`,
      evidence_ids: '[]',
      origin: 'user',
      seed_hash: null,
      author: 'tester',
      created_at: values.at,
    }, { action: 'create' }),
  );
}

/** Sets sources' own citations as an editor would (a revision each). */
async function setCites(cites: Record<string, string[]>) {
  await writeWithRevisions(db, { actor: 'tester' }, async (w) => {
    for (const [id, list] of Object.entries(cites)) {
      const row = await w.trx.selectFrom('source').select(SOURCE_CONTENT_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
      await w.update('source', row, { cites: JSON.stringify(list) }, { action: 'update' });
    }
  });
}

describe('getClaimPage', () => {
  it('returns null for an unknown id', async () => {
    expect(await getClaimPage(db, 'no-such-claim')).toBeNull();
  });

  it('carries the statement, the original quote with its language and the claimant', async () => {
    const claim = (await getClaimPage(db, 'alpha-figure'))!;
    expect(claim.statement).toBe('Building alpha cost about US$50 million.');
    expect(claim.original).toEqual({ lang: 'zh-Hant', text: '阿爾法的成本約為 5,000 萬美元;', translation: 'Alpha cost about US$50 million;' });
    expect(claim.claimant).toBe('An analyst');
    expect(claim.topics).toEqual(['costs']);
    expect(claim.quantity).toMatchObject({ value: 50000000, unit: 'USD' });
  });

  it('draws the appearance chain in file order with dates, each cited source with its own citations', async () => {
    const claim = (await getClaimPage(db, 'alpha-figure'))!;
    expect(claim.appearances.map((a) => [a.position, a.source.id, a.date])).toEqual([
      [0, 'blog-post', '2025-10'],
      [1, 'essay', '2025-10-17'],
    ]);
    // The blog post cited the essay for this claim; the essay cites nothing (the primary source).
    expect(claim.appearances[0]!.cites.map((n) => n.source.id)).toEqual(['essay']);
    expect(claim.appearances[0]!.cites[0]!.cites).toEqual([]);
    expect(claim.appearances[1]!.cites).toEqual([]);
  });

  it('follows a cited source’s own citations back through the chain and stops on cycles', async () => {
    // essay → report, report → essay: a cycle that must end with a repeated marker, not recurse forever.
    await setCites({ essay: ['report'], report: ['essay'] });
    try {
      const claim = (await getClaimPage(db, 'alpha-figure'))!;
      const essay = claim.appearances[0]!.cites[0]!;
      expect(essay.source.id).toBe('essay');
      expect(essay.cites.map((n) => n.source.id)).toEqual(['report']);
      expect(essay.cites[0]!.cites.map((n) => [n.source.id, n.repeated])).toEqual([['essay', true]]);
    } finally {
      await setCites({ essay: [], report: [] });
    }
  });

  it('groups accepted evidence by stance and keeps excerpt language, locator and source', async () => {
    const claim = (await getClaimPage(db, 'alpha-figure'))!;
    expect(Object.keys(claim.evidence)).toEqual(['supports', 'contradicts', 'qualifies', 'context']);
    expect(claim.evidence.supports.map((e) => e.id)).toEqual(['ev-alpha-essay']);
    expect(claim.evidence.contradicts).toHaveLength(1);
    expect(claim.evidence.contradicts[0]).toMatchObject({
      id: 'ev-alpha-report',
      excerpt: 'Alpha cost $4.3 million.',
      lang: 'en',
      locator: 'table 1',
      source: { id: 'report', title: 'A report', reliability: 'A' },
    });
    expect(claim.evidence.qualifies).toEqual([]);
  });

  it('counts pending proposals without showing them, and hides retracted evidence', async () => {
    const base = {
      claim_id: 'alpha-figure', source_id: 'report', stance: 'qualifies', target: 'whole', excerpt: 'x', lang: 'en',
      translation: null, locator: null, value: null, unit: null, as_of: null, note: null, retracted_reason: null,
      origin: 'user' as const, seed_hash: null, revision: 1, author: 't', created_at: '2026-11-05T00:00:00Z', updated_at: '2026-11-05T00:00:00Z',
    };
    await writeWithRevisions(db, { actor: 't' }, (w) =>
      w.insertMany('evidence', [
        { ...base, id: 'ev-pending', status: 'pending', retracted_at: null },
        { ...base, id: 'ev-retracted', status: 'accepted', retracted_at: '2026-11-06T00:00:00Z' },
      ], { action: 'create' }),
    );
    try {
      const claim = (await getClaimPage(db, 'alpha-figure'))!;
      expect(claim.pendingEvidenceCount).toBe(1);
      const shown = Object.values(claim.evidence).flat().map((e) => e.id);
      expect(shown).not.toContain('ev-pending');
      expect(shown).not.toContain('ev-retracted');
      expect((await getSource(db, 'report'))!.evidence.items.map((e) => e.id)).toEqual(['ev-alpha-report']);
    } finally {
      // Test-only clean-up: the revision log keeps their entries, which no assertion here reads.
      await writeWithRevisions(db, { actor: 't' }, async (w) => {
        await w.trx.deleteFrom('evidence').where('id', 'in', ['ev-pending', 'ev-retracted']).execute();
        w.touchClaims(['alpha-figure']);
      });
    }
  });

  it('shows a declared link on both ends, with its direction', async () => {
    const alpha = (await getClaimPage(db, 'alpha-figure'))!;
    expect(alpha.related.declared.map((l) => [l.id, l.relation, l.direction])).toEqual([
      ['beta-figure', 'same-figure', 'outgoing'],
      ['gamma-figure', 'depends-on', 'incoming'],
    ]);
    const beta = (await getClaimPage(db, 'beta-figure'))!;
    expect(beta.related.declared.map((l) => [l.id, l.relation, l.direction])).toEqual([['alpha-figure', 'same-figure', 'incoming']]);
  });

  it('lists claims sharing a source one of them cites or draws evidence from, with the shared sources named', async () => {
    const gamma = (await getClaimPage(db, 'gamma-figure'))!;
    // gamma appeared in the report, which is evidence for alpha.
    expect(gamma.related.sharedSource.map((c) => [c.id, c.sharedSourceIds])).toEqual([['alpha-figure', ['report']]]);
    expect(gamma.related.sharedSource[0]!.sharedSources).toEqual([{ id: 'report', title: 'A report' }]);
  });

  it('does not relate two claims only because both appeared in the same post', async () => {
    // alpha and beta both merely appeared in blog-post (alpha's appearance there cites the essay, not the post).
    const beta = (await getClaimPage(db, 'beta-figure'))!;
    expect(beta.related.sharedSource).toEqual([]);
  });

  it('lists the claim’s sources with the role each plays', async () => {
    const alpha = (await getClaimPage(db, 'alpha-figure'))!;
    // Sorted by title: "A blog post", "A report", "An essay".
    expect(alpha.sources.map((s) => [s.id, s.roles])).toEqual([
      ['blog-post', ['appearance']],
      ['report', ['evidence']],
      ['essay', ['appearance', 'cited', 'evidence']],
    ]);
  });

  it('looks up the titles of everything the analysis refers to', async () => {
    const alpha = (await getClaimPage(db, 'alpha-figure'))!;
    expect(alpha.body.references.claims).toEqual({ 'beta-figure': { title: 'Beta costs ten times alpha', withdrawn: false } });
    expect(alpha.body.references.sources).toEqual({ essay: { title: 'An essay' }, report: { title: 'A report' } });
    expect(alpha.body.tree.type).toBe('root');
  });
});

describe('current verdict and confidence', () => {
  it('takes the file verdict when no note is newer, and the newest note confidence', async () => {
    const alpha = (await getClaimPage(db, 'alpha-figure'))!;
    // The fixture note (2026-11-02) repeats "misleading": newer than the file's 2026-11-01, so it is the current one.
    expect(alpha.verdict).toMatchObject({ value: 'misleading', ratingValue: 2, origin: 'note', date: '2026-11-02' });
    expect(alpha.confidence).toBe(0.8);
    expect(alpha.confidenceBand).toBe('high');
    const beta = (await getClaimPage(db, 'beta-figure'))!;
    expect(beta.verdict).toMatchObject({ value: 'unverifiable', ratingValue: null, origin: 'file', date: '2026-11-01' });
    expect(beta.confidence).toBeNull();
    expect(beta.confidenceBand).toBe('none');
  });

  it('moves to a newer note’s verdict, keeps confidence from the newest note that has one, and lists the history newest first', async () => {
    await insertNote({ id: 'cn-beta-1', claim: 'beta-figure', confidence: 0.3, verdict: null, at: '2026-11-10T00:00:00Z' });
    await insertNote({ id: 'cn-beta-2', claim: 'beta-figure', confidence: null, verdict: 'false', at: '2026-11-12T09:00:00Z' });
    const beta = (await getClaimPage(db, 'beta-figure'))!;
    expect(beta.verdict).toMatchObject({ value: 'false', ratingValue: 1, origin: 'note', date: '2026-11-12' });
    expect(beta.confidence).toBe(0.3);
    expect(beta.confidenceBand).toBe('low');
    expect(beta.confidenceNotes.map((n) => n.id)).toEqual(['cn-beta-2', 'cn-beta-1']);
    expect(beta.lastReviewed).toBe('2026-11-12');
    // Test-only clean-up (notes are append-only in the app), then the derived state follows.
    await writeWithRevisions(db, { actor: 't' }, async (w) => {
      await w.trx.deleteFrom('confidence_note').where('id', 'in', ['cn-beta-1', 'cn-beta-2']).execute();
      w.touchClaims(['beta-figure']);
    });
  });

  it('prefers a file verdict dated after the newest note verdict', () => {
    expect(pickCurrentVerdict({ verdict: 'supported', verdictDate: '2026-12-01' }, { verdict: 'false', createdAt: '2026-11-30T23:00:00Z' }))
      .toMatchObject({ value: 'supported', origin: 'file' });
    expect(pickCurrentVerdict({ verdict: 'supported', verdictDate: '2026-12-01' }, { verdict: 'false', createdAt: '2026-12-01T08:00:00Z' }))
      .toMatchObject({ value: 'false', origin: 'note' });
  });
});

describe('listClaims', () => {
  it('filters by verdict, topic, claimant and confidence band', async () => {
    expect((await listClaims(db, { verdict: 'misleading' })).items.map((c) => c.id)).toEqual(['alpha-figure']);
    expect((await listClaims(db, { topic: 'beta' })).items.map((c) => c.id)).toEqual(['beta-figure']);
    expect((await listClaims(db, { claimant: 'A newsletter' })).items.map((c) => c.id)).toEqual(['gamma-figure']);
    expect((await listClaims(db, { confidence: 'none' })).items.map((c) => c.id).sort()).toEqual(['beta-figure', 'gamma-figure']);
  });

  it('sorts by title, confidence (figureless last either way) and verdict date, and pages by cursor both ways', async () => {
    expect((await listClaims(db, { sort: 'title' })).items.map((c) => c.id)).toEqual(['alpha-figure', 'beta-figure', 'gamma-figure']);
    expect((await listClaims(db, { sort: 'confidence' })).items[0]!.id).toBe('alpha-figure');
    expect((await listClaims(db, { sort: 'confidence', order: 'asc' })).items[0]!.id).toBe('alpha-figure');
    expect((await listClaims(db, { sort: 'verdict-date', order: 'asc' })).items.map((c) => c.id)).toEqual(['gamma-figure', 'beta-figure', 'alpha-figure']);
    const page1 = await listClaims(db, { pageSize: 2 });
    expect(page1).toMatchObject({ total: 3, totalIsLowerBound: false, prev: null });
    expect(page1.items.map((c) => c.id)).toEqual(['alpha-figure', 'beta-figure']);
    const page2 = await listClaims(db, { pageSize: 2, cursor: page1.next! });
    expect(page2.items.map((c) => c.id)).toEqual(['gamma-figure']);
    expect(page2.next).toBeNull();
    const back = await listClaims(db, { pageSize: 2, cursor: page2.prev! });
    expect(back.items.map((c) => c.id)).toEqual(['alpha-figure', 'beta-figure']);
    // A cursor belongs to its sort order: another order refuses it, naming the field.
    await expect(listClaims(db, { sort: 'confidence', cursor: page1.next! })).rejects.toMatchObject({ code: 'invalid', field: 'cursor' });
    await expect(listClaims(db, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ field: 'cursor' });
  });

  it('rejects unknown filter values', async () => {
    await expect(listClaims(db, { verdict: 'nonsense' as never })).rejects.toThrow();
  });
});

describe('sources', () => {
  it('shows where a source sits in appearance chains: what cites it and what it cites', async () => {
    const essay = (await getSource(db, 'essay'))!;
    expect(essay.citedBy.map((s) => s.id)).toEqual(['blog-post']);
    expect(essay.citedInAppearances).toEqual([expect.objectContaining({ claimId: 'alpha-figure', source: expect.objectContaining({ id: 'blog-post' }) })]);
    expect(essay.copies).toEqual([{ url: 'https://mirror.example.org/essay', kind: 'mirror', note: null }]);
    const blog = (await getSource(db, 'blog-post'))!;
    expect(blog.cites.map((s) => s.id)).toEqual(['essay']);
  });

  it('lists every claim resting on a source and every evidence entry from it, with stance', async () => {
    const essay = (await getSource(db, 'essay'))!;
    expect(essay.claims.items.map((c) => [c.id, c.roles, c.verdict])).toEqual([['alpha-figure', ['appearance', 'cited', 'evidence'], 'misleading']]);
    expect(essay.claims.total).toBe(1);
    expect(essay.evidence.items.map((e) => [e.id, e.stance, e.claimTitle])).toEqual([['ev-alpha-essay', 'supports', 'Alpha costs $50M']]);
    expect(essay.verdictBreakdown).toEqual([{ verdict: 'misleading', label: 'Misleading', count: 1 }]);
    expect(await getSource(db, 'nope')).toBeNull();
  });

  it('counts claims and evidence per source and sorts by use', async () => {
    const list = await listSources(db, { sort: 'use' });
    expect(list.items.map((s) => [s.id, s.claimCount, s.evidenceCount])).toEqual([
      ['report', 2, 1],
      ['blog-post', 2, 0], // ties on use are broken by title: "A blog post" < "An essay"
      ['essay', 1, 1],
    ]);
    expect((await listSources(db, { reliability: 'A' })).items.map((s) => s.id)).toEqual(['report']);
    expect((await listSources(db, { type: 'blog', sort: 'date' })).items.map((s) => s.id)).toEqual(['essay', 'blog-post']);
  });

  it('counts the claims resting on one source by verdict, from counts kept by writes', async () => {
    expect(await countByVerdict(db, 'source-verdict:blog-post')).toEqual([
      { verdict: 'misleading', label: 'Misleading', count: 1 },
      { verdict: 'unverifiable', label: 'Unverifiable', count: 1 },
    ]);
  });
});

describe('withdrawn claims', () => {
  it('still resolve, are marked withdrawn, and drop out of lists and counts', async () => {
    fs.rmSync(path.join(dirs.claimsDir, 'gamma-figure.mdx'));
    const report = await checkAndIngest(db, dirs);
    expect(report.withdrawn).toEqual(['gamma-figure']);

    const gamma = (await getClaimPage(db, 'gamma-figure'))!;
    expect(gamma.withdrawn).toBe(true);
    expect(gamma.withdrawnAt).not.toBeNull();
    expect((await listClaims(db)).items.map((c) => c.id)).toEqual(['alpha-figure', 'beta-figure']);
    const report2 = (await listSources(db)).items.find((s) => s.id === 'report')!;
    expect(report2.claimCount).toBe(1);
    // The link alpha ← gamma is still shown on alpha, marked withdrawn.
    const alpha = (await getClaimPage(db, 'alpha-figure'))!;
    expect(alpha.related.declared.find((l) => l.id === 'gamma-figure')).toMatchObject({ withdrawn: true, direction: 'incoming' });
    expect(alpha.related.sharedSource.map((c) => c.id)).not.toContain('gamma-figure');
  });
});
