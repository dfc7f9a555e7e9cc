import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkClaimsAndSeed } from '../../lib/claims/check';
import type { FullCorpus as Corpus } from '../../lib/claims/check';
import { formatProblem } from '../../lib/shared/problems';
import { claimText } from '../../lib/claims/parse';

const repo = path.resolve(import.meta.dirname, '..', '..');
const ARTICLE = 'gangge-matters-ai-bubble';

/** The claim records the second audit added: the article's remaining checkable statements. */
const NEW_CLAIMS = [
  'ai-advertising-model-cannot-work', 'ai-copyright-costs-exceed-revenue', 'ai-thin-margins-price-wars',
  'ai-research-published-reverse-engineered', 'competitors-replicate-models-cheaper', 'garran-statistical-complexity-of-language',
  'ai-cannot-reason-in-new-situations', 'ai-adoption-falling-overall',
];
const AUDIT_DAY = '2026-12-02';

describe('the second content audit of claims/ and db/seed/', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    const result = await checkClaimsAndSeed({ claimsDir: path.join(repo, 'claims'), seedDir: path.join(repo, 'db', 'seed'), displayRoot: repo });
    if (!result.ok) throw new Error(`claims check failed:\n${result.problems.map(formatProblem).join('\n')}`);
    corpus = result.corpus;
  });
  const claim = (id: string) => {
    const c = corpus.claims.find((x) => x.frontmatter.id === id);
    if (!c) throw new Error(`no claim ${id}`);
    return c;
  };
  const source = (id: string) => corpus.sources.items.find((s) => s.id === id);
  const evidenceOf = (id: string) => corpus.evidence.items.filter((e) => e.claim === id);

  it('gives every claim a summary of its own, distinct from its title and statement', () => {
    const seen = new Map<string, string>();
    for (const c of corpus.claims) {
      const { id, summary, statement, title } = c.frontmatter;
      expect(summary, id).not.toBe(statement);
      expect(summary, id).not.toBe(title);
      expect(seen.get(summary), `${id} repeats the summary of ${seen.get(summary)}`).toBeUndefined();
      seen.set(summary, id);
    }
  });

  it('rests each new claim on evidence that resolves to sources, with at least one stance that bears on the verdict', () => {
    for (const id of NEW_CLAIMS) {
      const c = claim(id);
      const evidence = evidenceOf(id);
      expect(evidence.filter((e) => e.stance !== 'context').length, `${id} has only context`).toBeGreaterThan(0);
      for (const e of evidence) expect(source(e.source), `${e.id} → ${e.source}`).toBeDefined();
      for (const a of c.frontmatter.appearances) for (const s of [a.source, ...(a.cites ?? []).map((x) => x.source)]) expect(source(s), `${id}: ${s}`).toBeDefined();
      for (const r of c.references) {
        if (r.kind === 'source') expect(source(r.id), `${id} body → ${r.id}`).toBeDefined();
        else expect(corpus.claims.some((x) => x.frontmatter.id === r.id), `${id} body → ${r.id}`).toBe(true);
      }
      expect(c.frontmatter.verdict_date, id).toBe(AUDIT_DAY);
    }
  });

  it('quotes in the analysis only words that an evidence entry of the same source records', () => {
    for (const c of corpus.claims) {
      const quotes = [...claimText(c, 'bodyMdx').matchAll(/<Quote lang="[^"]+" source="([^"]+)">([\s\S]*?)<\/Quote>/g)];
      for (const [, src, text] of quotes) {
        const excerpts = corpus.evidence.items.filter((e) => e.source === src);
        expect(excerpts.some((e) => e.excerpt.includes(text!)), `${c.frontmatter.id}: <Quote source="${src}"> is not an excerpt of ${src}`).toBe(true);
      }
    }
  });

  it('gives every source added by the audit a reason, an access date and an honest read flag', () => {
    const added = corpus.sources.items.filter((s) => s.seed_revision === 1 && s.accessed === AUDIT_DAY);
    expect(added.length).toBeGreaterThanOrEqual(15);
    for (const s of added) {
      expect(s.reliability_reason.length, s.id).toBeGreaterThan(40);
      if (!s.verified) expect(s.reliability_reason, `${s.id}: not read, so the reason must say so`).toMatch(/Not read|not read/);
    }
  });

  it('keeps new evidence excerpts whole: no ellipsis and no brackets, each with a note saying what it shows', () => {
    const added = corpus.evidence.items.filter((e) => e.created_at.startsWith(AUDIT_DAY));
    expect(added.length).toBeGreaterThanOrEqual(40);
    for (const e of added) {
      expect(e.excerpt, e.id).not.toMatch(/…|\.\.\.|\[|\]/);
      expect(e.note?.length ?? 0, `${e.id} has no note`).toBeGreaterThan(20);
    }
  });

  it('marks as read only sources whose text we hold or can point to', () => {
    for (const s of corpus.sources.items) {
      // The seed article is read from the copy shipped in db/seed; every other read source names where it was read.
      if (s.verified && s.id !== ARTICLE) expect(s.url !== null || s.copies.length > 0, `${s.id}: read, but no URL or copy says where`).toBe(true);
      if (/only (the )?excerpts? (quoted )?in our research notes/i.test(s.reliability_reason) && !/Read on|read again/i.test(s.reliability_reason)) {
        expect(s.verified, `${s.id}: known only from our notes`).toBe(false);
      }
    }
    // A record that stands for a podcast we know only from an AI summary is not read.
    expect(source('grant-williams-podcast-garran')?.verified).toBe(false);
  });

  it('keeps sources that others cite but nothing quotes as labelled, unread placeholders', () => {
    const quoted = new Set(corpus.evidence.items.map((e) => e.source));
    const cited = new Set(corpus.sources.items.flatMap((s) => s.cites.map((x) => x.source)));
    for (const c of corpus.claims) for (const a of c.frontmatter.appearances) (a.cites ?? []).forEach((x) => cited.add(x.source));
    for (const id of ['ai-index-2024', 'wsj-orion-delays', 'macrostrategy-note-2025-10', 'marketwatch-ai-bubble-17x', 'semianalysis-subscription-stress-test']) {
      const s = source(id)!;
      expect(cited.has(id), id).toBe(true);
      expect(quoted.has(id), `${id} is a placeholder but evidence quotes it`).toBe(false);
      expect(s.verified, id).toBe(false);
      expect(s.reliability_reason, id).toMatch(/^Cited-but-unread placeholder\./);
    }
  });

  it('labels every copy as what it is, and explains every WordPress ?p= address it keeps', () => {
    for (const s of corpus.sources.items) {
      for (const copy of s.copies) expect(copy.note?.length ?? 0, `${s.id}: copy ${copy.url} is unlabelled`).toBeGreaterThan(20);
      for (const copy of s.copies.filter((c) => /vuink\.com/.test(c.url))) expect(copy.note, s.id).toMatch(/ROT13/);
      for (const copy of s.copies.filter((c) => /^https?:\/\/stage\.|vercel\.app/.test(c.url))) expect(copy.note, s.id).toMatch(/staging|preview|clone|mirror/i);
      if (s.url && /[?&]p=\d+/.test(s.url)) expect(s.reliability_reason, `${s.id}: ?p= link without a word on its canonical address`).toMatch(/\?p= address/);
    }
    expect(source('wired-altman-giant-models-over')?.copies[0]).toMatchObject({ kind: 'mirror', note: expect.stringMatching(/gopher/) });
  });

  it('records the article\'s own citations as stated, and a source only inferred as inferred, with who and why', () => {
    const named = new Set(source(ARTICLE)!.cites.filter((x) => x.basis === 'stated').map((x) => x.source));
    for (const c of corpus.claims) {
      const first = c.frontmatter.appearances[0]!;
      for (const cited of first.cites ?? []) {
        if (cited.basis === 'stated') expect(named.has(cited.source), `${c.frontmatter.id}: the article does not cite ${cited.source}`).toBe(true);
        else expect(cited.inferred_by && cited.note, `${c.frontmatter.id}: inferred ${cited.source} without who and why`).toBeTruthy();
      }
    }
    // The GPT cost series: attributed as the article attributes it, with the Lockett inference stated as one.
    for (const id of ['gpt3-training-cost-50m', 'gpt4-training-cost-500m', 'gpt5-training-cost-5b']) {
      const c = claim(id);
      expect(c.frontmatter.claimant, id).not.toMatch(/Lockett/);
      expect(c.frontmatter.appearances[0]!.note, id).toMatch(/^The post gives the series as a finding of 'the research'.*Inference, not a citation/);
    }
  });

  it('gives every numeric claim an as-of date, or says in its note why there is none', () => {
    for (const c of corpus.claims) {
      const q = c.frontmatter.quantity;
      if (!q || q.as_of) continue;
      expect(q.note, c.frontmatter.id).toMatch(/no as-of date|a rule|undated/);
    }
    expect(claim('ai-task-completion-1-5-to-34-pct').frontmatter.quantity?.as_of).toBe('2025-10');
    expect(claim('large-firm-ai-adoption-declining').frontmatter.quantity).toMatchObject({ low: -2, high: -1.5, unit: 'percentage-points' });
  });

  it('quotes the Census question in the Census Bureau\'s words, not a paraphrase', () => {
    const c = claim('large-firm-ai-adoption-declining');
    expect(claimText(c, 'bodyMdx')).not.toContain('to produce goods or services');
    expect(claimText(c, 'bodyMdx')).toContain('in producing goods or services');
    const wording = corpus.evidence.items.find((e) => e.id === 'ev-adopt-census2026-wording')!;
    expect(wording.excerpt).toContain('“in producing goods or services,”');
  });

  it('weighs the GPT cost claims like with like: compute-only estimates of a final run no longer count against a total cost', () => {
    for (const id of ['ev-gpt3-ai-index', 'ev-gpt3-acx', 'ev-gpt4-visualcapitalist', 'ev-gpt4-oodaloop', 'ev-gpt5cost-sheets', 'ev-gpt5cost-epoch']) {
      expect(corpus.evidence.items.find((e) => e.id === id)?.stance, id).toBe('context');
    }
    for (const id of ['gpt3-training-cost-50m', 'gpt4-training-cost-500m', 'gpt5-training-cost-5b']) expect(claim(id).frontmatter.verdict, id).toBe('unverifiable');
    expect(claim('gpt5-training-cost-5b').frontmatter.statement).not.toMatch(/develop|train/i);
  });

  it('appends a new confidence note for every re-weighed verdict instead of editing the old one', () => {
    for (const id of ['gpt3-training-cost-50m', 'gpt4-training-cost-500m', 'gpt5-training-cost-5b', 'meta-open-models', 'heavy-users-negative-unit-economics', 'llm-lead-lasts-months', 'large-firm-ai-adoption-declining']) {
      const notes = corpus.notes.items.filter((n) => n.claim === id).sort((a, b) => a.created_at.localeCompare(b.created_at));
      expect(notes.length, id).toBeGreaterThanOrEqual(2);
      expect(notes[0]!.created_at, id).toBe('2026-11-28T00:00:00Z');
      expect(notes[0]!.seed_revision, `${id}: the first note was edited`).toBe(1);
      expect(notes.at(-1)!.created_at.slice(0, 10), id).toBe(AUDIT_DAY);
    }
  });

  it('quotes Meta\'s July 2025 statements on what it will open-source', () => {
    const july = evidenceOf('meta-open-models').filter((e) => ['fortune-meta-careful-open-source-2025-07', 'techcrunch-meta-superintelligence-open-source'].includes(e.source));
    expect(july.map((e) => e.source)).toEqual(expect.arrayContaining(['fortune-meta-careful-open-source-2025-07', 'techcrunch-meta-superintelligence-open-source']));
    expect(july.some((e) => e.excerpt.includes('careful about what we choose to open-source'))).toBe(true);
  });
});
