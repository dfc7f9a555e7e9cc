import fs from 'node:fs';
import { describe, expect, test as base } from 'vitest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/auth/users';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { toEvidenceRecord } from '../../lib/evidence/record';
import { createEvidence, updateEvidence } from '../../lib/evidence/write';
import { UserFacingError } from '../../lib/shared/errors';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

const test = base.extend<{ store: { db: Db; editor: Actor } }>({
  store: async ({}, provide) => {
    const { db, cleanup } = await createTestDb();
    const dirs = copyFixture('valid');
    await checkAndIngest(db, dirs);
    await provide({ db, editor: await createEditor(db) });
    await cleanup();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  },
});

const entry = (extra: Record<string, unknown>) => ({ sourceId: 'report', stance: 'contradicts', target: 'value', excerpt: 'Alpha cost $4.3 million.', lang: 'en', ...extra });

async function refusal(p: Promise<unknown>): Promise<UserFacingError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('evidence states its figure as a quantity', () => {
  test('a figure given as text is stored exact, with the claim\'s measure when none is named, and the text kept', async ({ store }) => {
    const input = newEvidenceInputSchema.parse(entry({ quantity: { text: '5 億美元', as_of: '2023' } }));
    const row = await createEvidence(store.db, 'alpha-figure', input, { kind: 'editor', actor: store.editor });
    expect(row).toMatchObject({ value: 500_000_000, low: null, high: null, unit: 'USD', measure: 'training-cost.gpt-3', as_of: '2023', figure_text: '5 億美元' });
    expect(toEvidenceRecord(row).quantity).toEqual({ value: 500_000_000, unit: 'USD', measure: 'training-cost.gpt-3', as_of: '2023', text: '5 億美元' });
  });

  test('an open-ended figure ("over $100 million") is stored as a lower bound only', async ({ store }) => {
    const input = newEvidenceInputSchema.parse(entry({ quantity: { text: 'over $100 million', measure: 'training-compute-cost.gpt-3' } }));
    const row = await createEvidence(store.db, 'alpha-figure', input, { kind: 'editor', actor: store.editor });
    expect(row).toMatchObject({ value: null, low: 100_000_000, high: null, unit: 'USD', measure: 'training-compute-cost.gpt-3' });
  });

  test('the older value and unit form still works and takes the claim\'s measure', async ({ store }) => {
    const input = newEvidenceInputSchema.parse(entry({ value: 4_300_000, unit: 'USD', asOf: '2020' }));
    const row = await createEvidence(store.db, 'alpha-figure', input, { kind: 'editor', actor: store.editor });
    expect(row).toMatchObject({ value: 4_300_000, unit: 'USD', measure: 'training-cost.gpt-3', as_of: '2020' });
  });

  test('an ambiguous or mismatched figure is refused naming the field, and nothing is stored', async ({ store }) => {
    const parsed = newEvidenceInputSchema.safeParse(entry({ quantity: { text: '500M' } }));
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['quantity', 'text'], message: expect.stringMatching(/names no unit/) });
    const free = newEvidenceInputSchema.safeParse(entry({ value: 3, unit: 'apples' }));
    expect(free.error?.issues[0]?.path).toEqual(['unit']);
    const before = await store.db.selectFrom('evidence').select('id').execute();
    const wrongDimension = newEvidenceInputSchema.parse(entry({ quantity: { text: '34%' } }));
    const error = await refusal(createEvidence(store.db, 'alpha-figure', wrongDimension, { kind: 'editor', actor: store.editor }));
    expect(error).toMatchObject({ field: 'quantity.unit', message: 'measure "training-cost.gpt-3" is a currency figure; unit percent is share' });
    expect(await store.db.selectFrom('evidence').select('id').execute()).toHaveLength(before.length);
  });

  test('a claim without a figure of its own needs the measure named', async ({ store }) => {
    const input = newEvidenceInputSchema.parse(entry({ quantity: { text: '34%' } }));
    const error = await refusal(createEvidence(store.db, 'beta-figure', input, { kind: 'editor', actor: store.editor }));
    expect(error).toMatchObject({ field: 'quantity.measure' });
  });

  test('an edit replaces the whole figure, and a null quantity removes it', async ({ store }) => {
    const row = await createEvidence(store.db, 'alpha-figure', newEvidenceInputSchema.parse(entry({ quantity: { text: '$4.6–5 million' } })), { kind: 'editor', actor: store.editor });
    expect(row).toMatchObject({ low: 4_600_000, high: 5_000_000, value: null });
    const edited = await updateEvidence(store.db, row.id, { quantity: { value: 4_324_883, unit: 'USD', measure: 'training-compute-cost.gpt-3' } }, row.revision, store.editor);
    expect(edited).toMatchObject({ value: 4_324_883, low: null, high: null, measure: 'training-compute-cost.gpt-3', figure_text: null });
    const cleared = await updateEvidence(store.db, row.id, { quantity: null }, edited.revision, store.editor);
    expect(cleared).toMatchObject({ value: null, unit: null, measure: null });
  });
});
