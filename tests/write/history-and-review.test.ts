import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { getClaimSummary } from '../../lib/claims/list-queries';
import { earliestDay, evidenceDate, needsReview } from '../../lib/claims/needs-review';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence, retractEvidence, updateEvidence } from '../../lib/evidence/write';
import { listClaimHistory } from '../../lib/history/queries';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

describe('needs review', () => {
  it('reads partial dates at their earliest day and takes the later of publication and as-of', () => {
    expect(earliestDay('2025')).toBe('2025-01-01');
    expect(earliestDay('2025-10')).toBe('2025-10-01');
    expect(evidenceDate('2024', '2026-12-02')).toBe('2026-12-02');
    expect(evidenceDate(null, null)).toBeNull();
    expect(needsReview('2026-11-28', ['2026-11-28', null])).toBe(false);
    expect(needsReview('2026-11-28', ['2026-11-29'])).toBe(true);
  });
});

describe('claim history', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let dirs: ReturnType<typeof copyFixture>;
  beforeEach(async () => {
    ({ db, cleanup } = await createTestDb());
    dirs = copyFixture('valid');
    await checkAndIngest(db, dirs);
  });
  afterEach(async () => {
    await cleanup();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  it('lists every revision of the claim’s evidence and notes, newest first, with readable changes', async () => {
    const editor = await createEditor(db);
    const input = newEvidenceInputSchema.parse({ sourceId: 'report', stance: 'supports', excerpt: 'Alpha cost $4.3 million.', lang: 'en' });
    const row = await createEvidence(db, 'alpha-figure', input, { kind: 'editor', actor: editor });
    await updateEvidence(db, row.id, { stance: 'contradicts' }, 1, editor);
    await retractEvidence(db, row.id, 'Duplicate of the seed entry.', 2, editor);

    const history = (await listClaimHistory(db, 'alpha-figure')).items.filter((r) => r.entityType !== 'claim');
    expect(history.slice(0, 3).map((h) => [h.action, h.actor, h.revision])).toEqual([
      ['retract', 'editor@example.org', 3],
      ['update', 'editor@example.org', 2],
      ['create', 'editor@example.org', 1],
    ]);
    expect(history[1]!.changes).toEqual([{ field: 'stance', before: 'supports', after: 'contradicts' }]);
    expect(history[0]!.reason).toBe('Duplicate of the seed entry.');
    // Seed rows' creation and the seed's confidence note are part of the history too.
    expect(history.map((h) => h.entityId)).toEqual(expect.arrayContaining(['ev-alpha-report', 'ev-alpha-essay', 'cn-alpha-1']));
    expect((await listClaimHistory(db, 'beta-figure')).items.filter((r) => r.entityType !== 'claim')).toEqual([]);
  });

  it('flags a claim whose newest accepted evidence is newer than its verdict, ignoring retracted and pending entries', async () => {
    const editor = await createEditor(db);
    const base = { sourceId: 'report', stance: 'supports', excerpt: 'x', lang: 'en' } as const;
    const late = await createEvidence(db, 'beta-figure', newEvidenceInputSchema.parse({ ...base, asOf: '2027-01' }), { kind: 'editor', actor: editor });
    await createEvidence(db, 'beta-figure', newEvidenceInputSchema.parse({ ...base, asOf: '2028' }), { kind: 'anonymous', clientKey: 'k' });
    // beta's verdict is dated 2026-11-01: the accepted 2027 entry is newer; the pending 2028 one does not count.
    expect((await getClaimSummary(db, 'beta-figure'))!.needsReview).toBe(true);
    await retractEvidence(db, late.id, 'wrong', 1, editor);
    expect((await getClaimSummary(db, 'beta-figure'))!.needsReview).toBe(false);
    expect((await getClaimSummary(db, 'alpha-figure'))!.needsReview).toBe(false); // the essay, published 2025-10
  });
});
