import path from 'node:path';
import { describe, expect, test as base } from 'vitest';
import type { Db } from '../../db/client';
import { checkClaimsAndSeed } from '../../lib/claims/check';
import { ingestCorpus } from '../../lib/claims/ingest';
import type { ClaimNumbers } from '../../lib/numbers/dto';
import { createTestDb } from '../helpers/test-db';

const REPO = path.resolve(import.meta.dirname, '..', '..');

const test = base.extend<{ db: Db }>({
  db: [
    async ({}, provide) => {
      const { db, cleanup } = await createTestDb();
      const result = await checkClaimsAndSeed({ claimsDir: path.join(REPO, 'claims'), seedDir: path.join(REPO, 'db', 'seed'), displayRoot: REPO });
      if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
      await ingestCorpus(db, result.corpus);
      await provide(db);
      await cleanup();
    },
    { scope: 'file' },
  ],
});

async function numbersOf(db: Db, id: string): Promise<ClaimNumbers> {
  const row = await db.selectFrom('claim_number').select('data').where('claim_id', '=', id).executeTakeFirstOrThrow();
  return JSON.parse(row.data) as ClaimNumbers;
}

describe('the article\'s numbers, compared at ingest', () => {
  test('every numeric claim of the article has a measure and a comparison row', async ({ db }) => {
    const claims = await db.selectFrom('claim').select(['id', 'quantity_measure']).where('quantity_unit', 'is not', null).execute();
    expect(claims.length).toBeGreaterThanOrEqual(11);
    const rows = await db.selectFrom('claim_number').select('claim_id').execute();
    expect(rows.map((r) => r.claim_id).sort()).toEqual(claims.map((c) => c.id).sort());
    expect(claims.every((c) => c.quantity_measure && /^[a-z0-9.-]+$/.test(c.quantity_measure))).toBe(true);
  });

  test('every seed evidence entry that states a figure carries its measure', async ({ db }) => {
    const missing = await db.selectFrom('evidence').select('id').where('unit', 'is not', null).where('measure', 'is', null).execute();
    expect(missing).toEqual([]);
  });

  test('GPT-4: the claimed US$500M is set against the estimates, same measure and narrower one apart', async ({ db }) => {
    const n = await numbersOf(db, 'gpt4-training-cost-500m');
    const vc = n.comparisons.find((c) => c.evidenceId === 'ev-gpt4-visualcapitalist')!;
    expect(vc).toMatchObject({ relation: 'related', position: 'above' });
    expect(vc.ratio!.low).toBeCloseTo(500 / 78.4, 6);
    expect(vc.sentence).toMatch(/^The claimed US\$500M .* is above US\$78\.4M .* \(6\.4×\), which measures compute of the final training run only/);
    // WIRED: "over $100 million", an open range; the claim lies inside it.
    expect(n.comparisons.find((c) => c.evidenceId === 'ev-gpt4-wired')).toMatchObject({ relation: 'same', position: 'inside', ratio: { low: null, high: 5 } });
    // Lockett repeats the claim: shown, not counted as independent.
    expect(n.comparisons.find((c) => c.evidenceId === 'ev-gpt4-lockett')).toMatchObject({ independent: false, position: 'matches' });
    // The Orion run is another measure: listed apart, never compared.
    expect(n.otherFigures.map((f) => f.evidenceId)).toContain('ev-gpt4-orion-500m');
    expect(n.summary).toBe(
      'Of the 2 independent figures of this measure we hold, the claimed figure, US$500M (500,000,000 USD), is above 1 and in agreement with 1. ' +
        'It is 6.4× above every one of the 2 figures of narrower or related measures we hold.',
    );
  });

  test('GPT-3: the one independent figure of the claimed measure sits 12.5× below the claim', async ({ db }) => {
    const n = await numbersOf(db, 'gpt3-training-cost-50m');
    expect(n.summary).toBe(
      'The claimed figure, US$50M (50,000,000 USD), is 12.5× above the one independent figure of this measure we hold. It is 11.6× above the one figure of a narrower or related measure we hold.',
    );
    expect(n.deviation).toBeCloseTo(12.5, 6);
    expect(n.logScale).toBe(true);
  });

  test('a claimed range is checked against figures inside it: 1.5%–34% holds every benchmark score', async ({ db }) => {
    const n = await numbersOf(db, 'ai-task-completion-1-5-to-34-pct');
    expect(n.comparisons.map((c) => c.position)).toEqual(expect.arrayContaining(['contains']));
    expect(n.comparisons.find((c) => c.evidenceId === 'ev-tasks-ainews')).toMatchObject({ position: 'below' });
  });

  test('the 4x claim: the aggregator\'s 8x is a figure of the same measure, half the claimed multiple', async ({ db }) => {
    const n = await numbersOf(db, 'ai-bubble-4x-subprime');
    expect(n.comparisons.find((c) => c.evidenceId === 'ev-4x-sipoch-8x')).toMatchObject({ position: 'below', ratio: { low: 0.5, high: 0.5 } });
  });

  test('the training-cost family is one series, GPT-3 to GPT-5, with a stored chart', async ({ db }) => {
    const s = await db.selectFrom('number_series').selectAll().where('family', '=', 'training-cost').executeTakeFirstOrThrow();
    expect(JSON.parse(s.data).members).toEqual(['GPT-3', 'GPT-4', 'GPT-5']);
    expect(s.chart_svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
