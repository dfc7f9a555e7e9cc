import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, test as base } from 'vitest';
import type { Db } from '../../db/client';
import { claimToCsl, sourceToCsl, type CslItem, type CslName } from '../../lib/citations/csl';
import { formatCitation } from '../../lib/citations/format';
import { getClaimCsl, getClaimVersion, getSourceCsl } from '../../lib/citations/queries';
import { writeWithRevisions } from '../../lib/history/revision-kernel';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

const test = base.extend<{ db: Db }>({
  db: async ({}, provide) => {
    const t = await createTestDb();
    await checkAndIngest(t.db, copyFixture());
    await provide(t.db);
    await t.cleanup();
  },
});

/** A newspaper article in Chinese: the two cases citation-js's writers lose data on by default. */
const NEWS = sourceToCsl({
  id: 'udn-2024-ai',
  title: '輝達財報：資料中心營收創新高',
  type: 'news',
  authors: ['王小明', 'Jane Doe'],
  publisher: '聯合新聞網',
  published: '2024-05-23',
  accessed: '2026-11-28',
  url: 'https://example.org/news/1',
  lang: 'zh-Hant',
});
const REPORT = sourceToCsl({ id: 'institute-report', title: 'AI Index Report 2024', type: 'report', authors: ['Stanford HAI'], publisher: 'Stanford University', published: '2024-04', accessed: null, url: 'https://example.org/r', lang: 'en' });
const CLAIM = claimToCsl({ id: 'gpt4-cost', title: 'GPT-4 cost $100M to train', revision: 3, at: '2026-11-29T10:00:00.000Z', verdictLabel: 'Mostly supported', permalink: 'https://ledger.example/claims/gpt4-cost/v/3' });

const name = (n: CslName) => n.literal ?? [n.given, n.family].filter(Boolean).join(' ');

/** The fields a reference manager shows, as comparable values. */
function comparable(item: Record<string, unknown>, fields: string[]) {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = item[f === 'author' && item.type === 'article-newspaper' && !item.author ? 'reporter' : f];
    out[f] = f === 'author' ? ((v as CslName[] | undefined) ?? []).map(name) : (v ?? null);
  }
  return out;
}

async function parseBack(text: string): Promise<Record<string, unknown>[]> {
  return (await Cite.async(text)).data;
}

describe('citation export round-trips through citation-js', () => {
  // BibTeX has no newspaper or web page type, no version and (in @article) no accessed date: those
  // are the fields it cannot carry back; everything a reference lists comes back as exported.
  test.each([
    ['a newspaper article in Chinese', NEWS, ['title', 'author', 'issued', 'URL', 'container-title']],
    ['a report', REPORT, ['title', 'author', 'issued', 'URL', 'publisher', 'type']],
    ['a claim revision', CLAIM, ['title', 'author', 'issued', 'URL', 'publisher', 'note']],
  ])('BibTeX of %s parses back to the same CSL fields', async (_label, item, fields) => {
    const bib = formatCitation([item], 'bibtex');
    expect(bib).toContain(`{${item.id},`); // our id is the key, not one made from the title
    const [back] = await parseBack(bib);
    expect(comparable(back!, fields)).toEqual(comparable(item as unknown as Record<string, unknown>, fields));
  });

  // RIS keeps the types; a newspaper article is written in the older tags, which have no language.
  test.each([
    ['a newspaper article in Chinese', NEWS, ['type', 'title', 'author', 'issued', 'URL', 'container-title', 'publisher']],
    ['a report', REPORT, ['type', 'title', 'author', 'issued', 'URL', 'publisher', 'language']],
    ['a claim revision', CLAIM, ['type', 'title', 'author', 'issued', 'URL', 'publisher', 'note']],
  ])('RIS of %s parses back to the same CSL fields', async (_label, item, fields) => {
    const [back] = await parseBack(formatCitation([item], 'ris'));
    expect(comparable(back!, fields)).toEqual(comparable(item as unknown as Record<string, unknown>, fields));
  });

  test('TeX special characters and CJK text survive BibTeX', async () => {
    const title = 'Cost: $100M & 50% of #1_a {x} ~ ^ \\ 中文';
    const [back] = await parseBack(formatCitation([{ ...REPORT, title, publisher: 'A&B_C' }], 'bibtex'));
    expect(back).toMatchObject({ title, publisher: 'A&B_C' });
  });

  test('a long title comes back from RIS unbroken', async () => {
    const title = 'GPT-5 development hits major setbacks as OpenAI runs out of training data, and what that means for everyone else';
    const [back] = await parseBack(formatCitation([{ ...REPORT, title }], 'ris'));
    expect(back!.title).toBe(title);
  });

  test('a bibliography of several kinds in one RIS file parses back record by record', async () => {
    const back = await parseBack(formatCitation([CLAIM, NEWS, REPORT], 'ris'));
    expect(back.map((b) => b.title)).toEqual([CLAIM.title, NEWS.title, REPORT.title]);
    expect((back[1]!.author as CslName[]).map(name)).toEqual(['王小明', 'Jane Doe']);
  });
});

describe('formatted references', () => {
  test('APA is the default and the other bundled styles differ from it', () => {
    const apa = formatCitation([REPORT], 'text');
    expect(apa).toContain('Stanford HAI. (2024). AI Index Report 2024. Stanford University. https://example.org/r');
    const vancouver = formatCitation([REPORT], 'text', 'vancouver');
    expect(vancouver).not.toBe(apa);
    expect(vancouver).toContain('AI Index Report 2024');
  });

  test('HTML references escape markup in titles', () => {
    const html = formatCitation([{ ...REPORT, title: '<script>alert(1)</script>' }], 'html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });
});

describe('citable records from the store', () => {
  test('a source exports its stored fields as CSL-JSON', async ({ db }) => {
    const item = await getSourceCsl(db, 'essay');
    expect(item).toMatchObject({ id: 'essay', type: 'post-weblog', title: 'An essay', author: [{ literal: 'Writer' }], issued: { 'date-parts': [[2025, 10]] }, URL: 'https://example.org/essay', language: 'en' });
    expect(await getSourceCsl(db, 'no-such-source')).toBeNull();
  });

  test('a source awaiting review is not citable', async ({ db }) => {
    await db.updateTable('source').set({ status: 'pending' }).where('id', '=', 'essay').execute();
    expect(await getSourceCsl(db, 'essay')).toBeNull();
  });

  test('a claim exports its revision pinned in the URL and version, then its sources', async ({ db }) => {
    const items = await getClaimCsl(db, 'alpha-figure');
    expect(items![0]).toMatchObject({ id: 'alpha-figure-v1', type: 'webpage', version: '1', publisher: 'Claim Ledger' });
    expect(items![0]!.URL).toMatch(/\/claims\/alpha-figure\/v\/1$/);
    const sourceIds = (await db.selectFrom('source_claim').select('source_id').where('claim_id', '=', 'alpha-figure').execute()).map((r) => r.source_id);
    expect(items!.slice(1).map((i: CslItem) => i.id).sort()).toEqual(sourceIds.sort());
    expect(items!.length).toBeGreaterThan(1);
  });

  test('an older revision is served from the log, saying a newer one exists', async ({ db }) => {
    const before = await getClaimVersion(db, 'alpha-figure');
    await writeWithRevisions(db, { actor: 'test' }, async (w) => {
      const row = await w.trx.selectFrom('claim').selectAll().where('id', '=', 'alpha-figure').executeTakeFirstOrThrow();
      await w.update('claim', row, { title: 'Alpha, retitled' }, { action: 'update', reason: 'clearer title' });
    });
    const v1 = await getClaimVersion(db, 'alpha-figure', 1);
    const v2 = await getClaimVersion(db, 'alpha-figure', 2);
    expect(v1).toMatchObject({ revision: 1, latestRevision: 2, title: before!.title });
    expect(v2).toMatchObject({ revision: 2, latestRevision: 2, title: 'Alpha, retitled', reason: 'clearer title' });
    expect(await getClaimVersion(db, 'alpha-figure', 3)).toBeNull();
    expect((await getClaimCsl(db, 'alpha-figure', 1))![0]).toMatchObject({ title: before!.title, version: '1' });
  });

  test('an unlisted claim that is not withdrawn (a draft) is not citable', async ({ db }) => {
    await db.updateTable('claim').set({ listed: 0 }).where('id', '=', 'beta-figure').execute();
    expect(await getClaimCsl(db, 'beta-figure')).toBeNull();
  });
});
