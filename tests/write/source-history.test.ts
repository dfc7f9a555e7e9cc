import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/auth/users';
import type { NewSourceInput } from '../../lib/evidence/input';
import { listSourceHistory } from '../../lib/history/queries';
import { getDataVersion } from '../../lib/history/revisions';
import { UserFacingError } from '../../lib/shared/errors';
import { RESTORABLE_SOURCE_FIELDS, restoreSource } from '../../lib/sources/restore';
import { createSource, mergeSources, updateSource, SOURCE_CONTENT_COLUMNS } from '../../lib/sources/write';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

async function rejection(p: Promise<unknown>): Promise<UserFacingError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected the write to be refused');
}

const newSource = { url: 'https://example.net/table-9', doi: null, title: 'Table 9', publisher: 'Stats Office', authors: ['A. Author'], publishedAt: '2024', type: 'report', lang: 'en', reliability: 'C', reliabilityReason: 'Unchecked.' } satisfies NewSourceInput;

describe('source history and restore', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let dirs: ReturnType<typeof copyFixture>;
  let editor: Actor;

  beforeEach(async () => {
    ({ db, cleanup } = await createTestDb());
    dirs = copyFixture('valid');
    await checkAndIngest(db, dirs);
    editor = await createEditor(db);
  });
  afterEach(async () => {
    await cleanup();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  const content = (row: Record<string, unknown>) => Object.fromEntries(RESTORABLE_SOURCE_FIELDS.map((k) => [k, row[k]]));
  // The stored content, as writers see it (derived list state is not part of a version).
  const rowOf = (id: string) => db.selectFrom('source').select(SOURCE_CONTENT_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();

  it('lists every revision of one source, newest first, with who, why and readable changes (bookkeeping left out)', async () => {
    const src = await createSource(db, newSource, editor);
    await updateSource(db, src.id, { reliability: 'B', reliabilityReason: 'Checked against the table.' }, 1, editor);
    await updateSource(db, 'report', { title: 'A report, 2nd edition' }, 1, editor);

    const history = (await listSourceHistory(db, src.id)).items;
    expect(history.map((h) => [h.entityType, h.entityId, h.action, h.actor, h.revision])).toEqual([
      ['source', src.id, 'update', editor.email, 2],
      ['source', src.id, 'create', editor.email, 1],
    ]);
    expect(history[0]!.changes).toEqual([
      { field: 'reliability', before: 'C', after: 'B' },
      { field: 'reliability_reason', before: 'Unchecked.', after: 'Checked against the table.' },
    ]);
    expect(history[0]!.label).toBe('Table 9');
    expect(history[1]!.changes.map((c) => c.field)).not.toEqual(expect.arrayContaining(['revision', 'updated_at', 'created_at', 'id', 'origin']));
    // A seed source's history starts with its ingest; another source's revisions are not mixed in.
    expect((await listSourceHistory(db, 'report')).items.map((h) => [h.action, h.label])).toEqual([
      ['update', 'A report, 2nd edition'],
      ['create', 'A report'],
    ]);
    expect((await listSourceHistory(db, 'no-such-source')).items).toEqual([]);
  });

  it('restores exactly an earlier version’s content as a new revision, needing the current revision (428 without, 412 stale)', async () => {
    const src = await createSource(db, newSource, editor);
    const first = await rowOf(src.id);
    await updateSource(db, src.id, {
      title: 'Table 9 (revised)',
      url: 'https://example.net/table-9-revised',
      authors: ['B. Other'],
      reliability: 'A',
      reliabilityReason: 'Verified.',
      verified: true,
      copies: [{ url: 'https://web.archive.org/web/2024/https://example.net/table-9', kind: 'archive' }],
    }, 1, editor);

    const before = await getDataVersion(db);
    expect((await rejection(restoreSource(db, src.id, 1, null, editor))).status).toBe(428);
    const stale = await rejection(restoreSource(db, src.id, 1, 1, editor));
    expect(stale.status).toBe(412);
    expect(stale.details?.current).toMatchObject({ id: src.id, revision: 2, title: 'Table 9 (revised)' });
    expect((await rejection(restoreSource(db, src.id, 9, 2, editor))).status).toBe(404);
    expect((await rejection(restoreSource(db, src.id, 2, 2, editor))).status).toBe(409); // already the current version
    expect((await rejection(restoreSource(db, 'no-such-source', 1, 1, editor))).status).toBe(404);
    expect((await rowOf(src.id)).revision).toBe(2);
    expect(await getDataVersion(db)).toBe(before); // nothing stored on refusal

    const restored = await restoreSource(db, src.id, 1, 2, editor);
    expect(restored.revision).toBe(3);
    expect(content(await rowOf(src.id))).toEqual(content(first));
    expect(content(restored)).toEqual(content(first));
    expect(await getDataVersion(db)).toBe(before + 1);

    const [latest] = (await listSourceHistory(db, src.id)).items;
    expect(latest).toMatchObject({ action: 'restore', actor: editor.email, revision: 3, reason: 'restored revision 1' });
    expect(latest!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['title', 'url', 'authors', 'reliability', 'is_verified', 'copies']));

    // Restoring the later version brings it back too: every version stays reachable.
    await restoreSource(db, src.id, 2, 3, editor);
    expect(await rowOf(src.id)).toMatchObject({ title: 'Table 9 (revised)', reliability: 'A', is_verified: 1, revision: 4 });
  });

  it('does not rewind a merge, the review status or bookkeeping', async () => {
    const src = await createSource(db, newSource, editor);
    await updateSource(db, src.id, { reliability: 'B' }, 1, editor);
    await mergeSources(db, src.id, 'report', 'Same table', editor);
    const merged = await rowOf(src.id);
    expect(merged).toMatchObject({ merged_into: 'report', revision: 3 });

    const restored = await restoreSource(db, src.id, 1, 3, editor);
    expect(restored).toMatchObject({ reliability: 'C', merged_into: 'report', status: 'accepted', id: src.id, created_by: editor.email, created_at: merged.created_at, origin: 'user', revision: 4 });
    expect(await rowOf(src.id)).toEqual(restored);
  });
});
