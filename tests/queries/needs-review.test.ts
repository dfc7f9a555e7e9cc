import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/auth/users';
import { addConfidenceNote } from '../../lib/confidence/write';
import { getClaimPage } from '../../lib/claims/claim-page';
import { getClaimSummary, listClaims, listClaimsNeedingReview } from '../../lib/claims/list-queries';
import { createEvidence, reviewProposal } from '../../lib/evidence/write';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

// alpha-figure's verdict is dated 2026-11-01; its seed evidence is older (2020, 2025-10).
let db: Db;
let cleanup: () => Promise<void>;
let editor: Actor;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await checkAndIngest(db, copyFixture());
  editor = await createEditor(db);
});
afterAll(async () => cleanup());

const evidence = (asOf: string) => ({
  sourceId: 'report',
  stance: 'qualifies' as const,
  target: 'value' as const,
  excerpt: 'A later figure.',
  lang: 'en',
  translation: null,
  locator: null,
  value: 1,
  unit: 'USD' as const,
  asOf,
  note: null,
});

describe('the needs-review flag in claim DTOs', () => {
  it('is off while every accepted evidence entry is dated on or before the verdict', async () => {
    expect((await getClaimSummary(db, 'alpha-figure'))!.needsReview).toBe(false);
    expect((await getClaimPage(db, 'alpha-figure'))!.needsReview).toBe(false);
  });

  it('ignores a pending proposal dated after the verdict, and turns on once an editor accepts it', async () => {
    const proposal = await createEvidence(db, 'alpha-figure', evidence('2026-11-15'), { kind: 'anonymous', clientKey: 'k' });
    expect((await getClaimSummary(db, 'alpha-figure'))!.needsReview).toBe(false);
    await reviewProposal(db, proposal.id, 'accept', 'checked', editor);
    expect((await getClaimSummary(db, 'alpha-figure'))!.needsReview).toBe(true);
    expect((await getClaimPage(db, 'alpha-figure'))!.needsReview).toBe(true);
    const listed = (await listClaims(db)).items.find((c) => c.id === 'alpha-figure')!;
    expect(listed.needsReview).toBe(true);
    expect((await listClaims(db)).items.find((c) => c.id === 'beta-figure')!.needsReview).toBe(false);
    expect((await listClaimsNeedingReview(db)).map((c) => c.id)).toEqual(['alpha-figure']);
  });

  it('turns off again when a newer confidence note gives a new verdict', async () => {
    await addConfidenceNote(db, 'alpha-figure', { confidence: 0.8, verdict: 'false', reason: 'Re-read with the new figure.', evidenceIds: [] }, editor);
    const claim = (await getClaimSummary(db, 'alpha-figure'))!;
    expect(claim.verdict.origin).toBe('note');
    expect(claim.needsReview).toBe(false);
  });
});
