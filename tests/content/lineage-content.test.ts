import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { checkClaimsAndSeed, type FullCorpus as Corpus } from '../../lib/claims/check';
import { ingestCorpus } from '../../lib/claims/ingest';
import { getClaimLineage } from '../../lib/lineage/queries';
import { formatProblem } from '../../lib/shared/problems';
import { createTestDb } from '../helpers/test-db';

// The recorded chains of the seed article's claims: every quote an appearance gives is one we
// hold (the article itself, or a stored excerpt of that very source), every inferred link says
// who inferred it and why, and the graph shows what the research found.

const repo = path.resolve(import.meta.dirname, '..', '..');
const ARTICLE = 'gangge-matters-ai-bubble';

describe('lineage of the real claims', () => {
  let corpus: Corpus;
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const result = await checkClaimsAndSeed({ claimsDir: path.join(repo, 'claims'), seedDir: path.join(repo, 'db', 'seed'), displayRoot: repo });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    corpus = result.corpus;
    ({ db, cleanup } = await createTestDb());
    await ingestCorpus(db, corpus);
  });
  afterAll(() => cleanup());

  it('quotes in each appearance only what we hold: the article verbatim, or a stored excerpt of that source', () => {
    const article = fs.readFileSync(path.join(repo, 'db', 'seed', 'article.zh-Hant.txt'), 'utf8');
    let quoted = 0;
    for (const claim of corpus.claims) {
      for (const a of claim.frontmatter.appearances) {
        if (!a.said) continue;
        quoted++;
        if (a.source === ARTICLE) {
          expect(article.includes(a.said.text), `${claim.path}: the article does not contain "${a.said.text}"`).toBe(true);
        } else {
          const excerpts = corpus.evidence.items.filter((e) => e.source === a.source).map((e) => e.excerpt);
          expect(excerpts, `${claim.path}: no stored excerpt of ${a.source} reads "${a.said.text}"`).toContain(a.said.text);
        }
      }
    }
    expect(quoted).toBeGreaterThan(30);
  });

  it('marks every inferred link with who inferred it and why', () => {
    const links = [
      ...corpus.sources.items.flatMap((s) => s.cites.map((c) => ({ where: `source ${s.id}`, c }))),
      ...corpus.claims.flatMap((claim) => claim.frontmatter.appearances.flatMap((a) => (a.cites ?? []).map((c) => ({ where: `${claim.path} ${a.source}`, c })))),
    ];
    const inferred = links.filter((l) => l.c.basis === 'inferred');
    expect(inferred.length).toBeGreaterThan(5);
    for (const { where, c } of inferred) {
      expect(c.inferred_by, where).toBeTruthy();
      expect(c.note?.length ?? 0, where).toBeGreaterThan(20);
    }
  });

  it('shows the 4x figure printed as 8 times as a mutation, and the one root behind the 17x figure', async () => {
    const fourX = await getClaimLineage(db, 'ai-bubble-4x-subprime');
    expect(fourX?.mutations).toContainEqual(expect.objectContaining({ from: 'sipoch-ai-bubble-8x', to: 'macrostrategy-note-2025-10', fromFigure: expect.objectContaining({ value: 8 }), toFigure: expect.objectContaining({ value: 4 }) }));
    const seventeen = await getClaimLineage(db, 'ai-bubble-17x-dotcom');
    expect(seventeen?.counts.independent).toBe(1);
    expect(seventeen?.first).toMatchObject({ sourceIds: ['macrostrategy-note-2025-10'], certain: true });
    expect(seventeen?.evidence.byStance.supports).toMatchObject({ independent: 1, sharedUpstream: expect.arrayContaining(['macrostrategy-note-2025-10']) });
    expect(seventeen?.mutations).toEqual([]);
  });

  it('draws the GPT-4 chain once: the post rests on Lockett only by inference, the MacroStrategy note is one unread node', async () => {
    const gpt4 = await getClaimLineage(db, 'gpt4-training-cost-500m');
    const ids = gpt4!.nodes.map((n) => n.source.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === 'macrostrategy-note-2025-10')).toHaveLength(1);
    expect(gpt4!.edges.find((e) => e.from === 'lockett-medium-ai-bubble-worse')).toMatchObject({ to: 'macrostrategy-note-2025-10', basis: 'inferred', claimSpecific: true });
    expect(gpt4!.nodes.find((n) => n.source.id === 'macrostrategy-note-2025-10')).toMatchObject({ deadEnd: 'not-read', appearance: null });
    expect(gpt4!.edges.find((e) => e.from === ARTICLE && e.to === 'lockett-medium-ai-bubble-worse')).toMatchObject({ basis: 'inferred', inferredBy: 'Claim Ledger editors' });
    // Everything rests on the note once inferred links count; nothing does on stated links alone.
    expect(gpt4!.counts).toMatchObject({ sources: 3, independent: 1, independentStated: 3 });
    expect((await getClaimLineage(db, 'macrostrategy-advises-220-institutions'))!.nodes.find((n) => n.source.id === 'lockett-medium-ai-bubble-worse')?.flags).toContain('unsourced');
  });
});
