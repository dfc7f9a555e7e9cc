import { describe, expect, test as base } from 'vitest';
import type { Db } from '../../db/client';
import { listClaimHistory, listSourceHistory } from '../../lib/history/queries';
import { diffRows, revisionDiff } from '../../lib/history/revisions';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

const test = base.extend<{ db: Db }>({
  db: async ({}, provide) => {
    const t = await createTestDb();
    await checkAndIngest(t.db, copyFixture('valid'));
    await provide(t.db);
    await t.cleanup();
  },
});

describe("a creation's diff", () => {
  test('is not stored a second time beside its snapshot: the log keeps it empty', async ({ db }) => {
    const creations = await db.selectFrom('revision').select(['entity_type', 'diff']).where('revision', '=', 1).execute();
    expect(creations.length).toBeGreaterThan(0);
    expect(new Set(creations.map((r) => r.diff))).toEqual(new Set(['{}']));
    // Later revisions keep their own differences.
    const later = await db.selectFrom('revision').select('diff').where('revision', '>', 1).execute();
    for (const r of later) expect(r.diff).not.toBe('{}');
  });

  test("is read back as every field of the snapshot, as if it had been stored, and an entry logged with one keeps it", () => {
    const snapshot = { id: 'alpha', title: 'Alpha', verdict: 'misleading', summary: null };
    expect(revisionDiff({ revision: 1, diff: '{}', snapshot: JSON.stringify(snapshot) })).toEqual({ id: [null, 'alpha'], title: [null, 'Alpha'], verdict: [null, 'misleading'] });
    const stored = diffRows(null, snapshot);
    expect(revisionDiff({ revision: 1, diff: JSON.stringify(stored), snapshot: JSON.stringify(snapshot) })).toEqual(stored);
    expect(revisionDiff({ revision: 2, diff: '{"title":["Alpha","Alpha, again"]}', snapshot: null })).toEqual({ title: ['Alpha', 'Alpha, again'] });
  });

  test("shows on a claim's and a source's history page as the fields they were created with", async ({ db }) => {
    const claim = (await listClaimHistory(db, 'alpha-figure')).items.find((e) => e.entityType === 'claim' && e.revision === 1)!;
    expect(claim.action).toBe('create');
    expect(claim.changes.find((c) => c.field === 'title')).toEqual({ field: 'title', before: null, after: expect.stringContaining('lpha') });
    const source = (await db.selectFrom('source').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const created = (await listSourceHistory(db, source)).items.find((e) => e.revision === 1)!;
    expect(created.changes.map((c) => c.field)).toContain('title');
  });
});
