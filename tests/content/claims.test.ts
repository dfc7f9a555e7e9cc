import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkClaimsAndSeed } from '../../lib/claims/check';
import type { FullCorpus as Corpus } from '../../lib/claims/check';
import { formatProblem } from '../../lib/shared/problems';

const repo = path.resolve(import.meta.dirname, '..', '..');

const REQUIRED_IDS = [
  'ai-bubble-17x-dotcom', 'ai-bubble-4x-subprime', 'macrostrategy-advises-220-institutions', 'wicksell-two-point-rule',
  'qe-wicksellian-deficit', 'misallocation-beyond-ai', 'wicksell-spread-normalised', 'llm-scaling-limits',
  'gpt3-training-cost-50m', 'gpt4-training-cost-500m', 'gpt5-training-cost-5b', 'gpt5-delayed-not-better',
  'ai-task-completion-1-5-to-34-pct', 'ai-results-inconsistent-day-to-day', 'large-firm-ai-adoption-declining',
  'image-generator-gomoku-failure', 'meta-open-models', 'llm-lead-lasts-months', 'heavy-users-negative-unit-economics',
  // The article's remaining checkable statements (second audit, issue 12).
  'ai-advertising-model-cannot-work', 'ai-copyright-costs-exceed-revenue', 'ai-thin-margins-price-wars',
  'ai-research-published-reverse-engineered', 'competitors-replicate-models-cheaper', 'garran-statistical-complexity-of-language',
  'ai-cannot-reason-in-new-situations', 'ai-adoption-falling-overall',
];

const SEED_ARTICLE_SOURCE = 'gangge-matters-ai-bubble';

describe('the real claims/ and db/seed/', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    const result = await checkClaimsAndSeed({ claimsDir: path.join(repo, 'claims'), seedDir: path.join(repo, 'db', 'seed'), displayRoot: repo });
    if (!result.ok) throw new Error(`claims check failed:\n${result.problems.map(formatProblem).join('\n')}`);
    corpus = result.corpus;
  });

  it('contains every claim of the seed article named in the brief', () => {
    const ids = corpus.claims.map((c) => c.frontmatter.id);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
  });

  it('quotes each claim verbatim and contiguously from the article', () => {
    const article = fs.readFileSync(path.join(repo, 'db', 'seed', 'article.zh-Hant.txt'), 'utf8');
    for (const claim of corpus.claims) {
      claim.frontmatter.original.forEach((passage, i) => {
        expect(article.includes(passage.text), `${claim.path}: original[${i}].text is not a substring of the article`).toBe(true);
        expect(passage.lang).toBe('zh-Hant');
      });
      const texts = claim.frontmatter.original.map((p) => p.text);
      expect(new Set(texts).size, `${claim.path}: a passage is listed twice`).toBe(texts.length);
    }
  });

  it('records the seed article as a source and starts every appearance chain there', () => {
    const article = corpus.sources.items.find((s) => s.id === SEED_ARTICLE_SOURCE);
    expect(article).toMatchObject({ lang: 'zh-Hant', type: 'blog', authors: ['鋼哥'] });
    for (const claim of corpus.claims) expect(claim.frontmatter.appearances[0]?.source, claim.path).toBe(SEED_ARTICLE_SOURCE);
  });

  it('gives every claim evidence and a confidence note that agrees with its verdict', () => {
    for (const claim of corpus.claims) {
      const { id, verdict } = claim.frontmatter;
      const evidence = corpus.evidence.items.filter((e) => e.claim === id);
      expect(evidence.length, `${id} has no evidence`).toBeGreaterThan(0);
      const notes = corpus.notes.items.filter((n) => n.claim === id).sort((a, b) => a.created_at.localeCompare(b.created_at));
      expect(notes.length, `${id} has no confidence note`).toBeGreaterThan(0);
      expect(notes.at(-1)?.verdict, `${id}: newest note's verdict differs from the file's`).toBe(verdict);
      expect(notes.at(-1)?.reason.length).toBeGreaterThan(20);
    }
  });

  it('never records a mirror as the original, and marks unread sources unverified', () => {
    for (const s of corpus.sources.items) {
      for (const copy of s.copies) expect(copy.url, `${s.id}: a copy repeats the original URL`).not.toBe(s.url);
      if (s.reliability === 'U') expect(s.verified, `${s.id}: graded U (not read) but marked verified`).toBe(false);
    }
    const primaryNote = corpus.sources.items.find((s) => /macrostrategy/.test(s.id));
    expect(primaryNote?.verified).toBe(false);
  });

  it('links related claims in both files or at least to claims that exist, and uses each source somewhere', () => {
    const used = new Set<string>();
    for (const c of corpus.claims) {
      for (const a of c.frontmatter.appearances) [a.source, ...(a.cites ?? []).map((x) => x.source)].forEach((s) => used.add(s));
      for (const r of c.references) if (r.kind === 'source') used.add(r.id);
    }
    for (const e of corpus.evidence.items) used.add(e.source);
    for (const s of corpus.sources.items) s.cites.forEach((c) => used.add(c.source));
    const unused = corpus.sources.items.map((s) => s.id).filter((id) => !used.has(id));
    expect(unused, 'sources that no claim, evidence or source rests on').toEqual([]);
  });
});
