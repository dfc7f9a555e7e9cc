import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupSqliteOrThrow } from '../../db/backup';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { listClaimHistory } from '../../lib/history/queries';
import { diffRows } from '../../lib/history/revisions';
import { createApiToken } from '../../lib/auth/users';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence, retractEvidence } from '../../lib/evidence/write';
import { exportDatabase, importDatabase, NO_PASSWORD } from '../../lib/portability/dump';
import { mergeSources } from '../../lib/sources/write';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { snapshotDb } from '../helpers/snapshot';
import { createTestDb, makeTempDir } from '../helpers/test-db';

async function collect(gen: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of gen) out.push(line);
  return out;
}

describe('export, import and backup', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let dir: string;
  let dirs: ReturnType<typeof copyFixture>;

  beforeEach(async () => {
    ({ db, cleanup, dir } = await createTestDb());
    dirs = copyFixture('valid');
    await checkAndIngest(db, dirs);
    const editor = await createEditor(db);
    await createApiToken(db, EDITOR_EMAIL, 'ci');
    const input = newEvidenceInputSchema.parse({ sourceId: 'essay', stance: 'context', excerpt: '「引號」 & <b>not html</b>', lang: 'zh-Hant', translation: 'quote' });
    const row = await createEvidence(db, 'alpha-figure', input, { kind: 'editor', actor: editor });
    await retractEvidence(db, row.id, 'test', 1, editor);
    await createEvidence(db, 'beta-figure', input, { kind: 'anonymous', clientKey: 'k' });
  });
  afterEach(async () => {
    await cleanup();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  async function freshDb(name: string): Promise<Db> {
    const fresh = createSqliteDb(path.join(dir, name));
    await prepareStoreOrThrow(fresh);
    return fresh;
  }

  it('round-trips: export → import into an empty database → export gives identical output, with no new revisions', async () => {
    const first = await collect(exportDatabase(db, { withCredentials: true }));
    expect(first[0]).toContain('claim-ledger-export/2');
    const target = await freshDb('copy.sqlite');
    const counts = await importDatabase(target, first);
    expect(counts.evidence).toBe(4);
    const second = await collect(exportDatabase(target, { withCredentials: true }));
    expect(second).toEqual(first);
    const { revision: a, ...restA } = await snapshotDb(db);
    const { revision: b, ...restB } = await snapshotDb(target);
    expect(b).toEqual(a);
    expect({ ...restB, session: [] }).toEqual({ ...restA, session: [] });
    await target.destroy();
  });

  it("imports an export of the first format, whose creations carry their diffs in full, and shows the same history", async () => {
    const lines = await collect(exportDatabase(db, { withCredentials: true }));
    // As format 1 wrote them: every creation's diff made out of its snapshot.
    const old = lines.map((line, i) => {
      if (i === 0) return line.replace('claim-ledger-export/2', 'claim-ledger-export/1');
      const record = JSON.parse(line) as { table: string; row: { revision: number; diff: string; snapshot: string } };
      if (record.table !== 'revision' || record.row.revision !== 1) return line;
      return JSON.stringify({ ...record, row: { ...record.row, diff: JSON.stringify(diffRows(null, JSON.parse(record.row.snapshot) as Record<string, unknown>)) } });
    });
    expect(old.some((l) => l.includes('"table":"revision"') && l.includes('"revision":1') && !l.includes('"diff":"{}"'))).toBe(true);
    const target = await freshDb('from-format-1.sqlite');
    await importDatabase(target, old);
    const history = async (d: Db) => (await listClaimHistory(d, 'alpha-figure')).items.map((e) => [e.revision, e.action, e.changes]);
    expect(await history(target)).toEqual(await history(db));
    await target.destroy();
  });

  const mergedIds = (lines: string[]) => lines.filter((l) => l.includes('"table":"source"')).map((l) => JSON.parse(l).row as { id: string; merged_into: string | null });

  for (const [order, merges] of [
    ['into sources whose ids sort later (a chain: blog-post → essay → report)', [['blog-post', 'essay'], ['essay', 'report']]],
    ['into a source whose id sorts earlier (report → blog-post)', [['report', 'blog-post']]],
  ] as const) {
    it(`round-trips after merges ${order}: every merged_into names a row written before it`, async () => {
      const editor = await createEditor(db, 'merger@example.org');
      for (const [from, into] of merges) await mergeSources(db, from, into, 'duplicate', editor);
      const first = await collect(exportDatabase(db, { withCredentials: true }));
      const sources = mergedIds(first);
      for (const [i, s] of sources.entries()) {
        if (s.merged_into) expect(sources.slice(0, i).map((x) => x.id), `${s.id} → ${s.merged_into}`).toContain(s.merged_into);
      }
      expect(sources.filter((s) => s.merged_into).length).toBe(merges.length);
      const target = await freshDb('merged.sqlite');
      await importDatabase(target, first);
      expect(await collect(exportDatabase(target, { withCredentials: true }))).toEqual(first);
      expect(await snapshotDb(target)).toEqual({ ...(await snapshotDb(db)), session: [] });
      await target.destroy();
    });
  }

  it('imports an export written in id order, whose merged_into points forward, with the merge intact', async () => {
    const editor = await createEditor(db, 'merger@example.org');
    await mergeSources(db, 'blog-post', 'report', 'duplicate', editor);
    const lines = await collect(exportDatabase(db));
    const sourceLines = lines.filter((l) => l.includes('"table":"source"'));
    const byId = [...sourceLines].sort((a, b) => (JSON.parse(a).row.id < JSON.parse(b).row.id ? -1 : 1));
    const start = lines.indexOf(sourceLines[0]!);
    const old = [...lines.slice(0, start), ...byId, ...lines.slice(start + sourceLines.length)];
    expect(mergedIds(old).map((s) => s.id)).toEqual(['blog-post', 'essay', 'report']);
    const target = await freshDb('old-order.sqlite');
    await importDatabase(target, old);
    expect(await target.selectFrom('source').select(['id', 'merged_into']).where('id', '=', 'blog-post').executeTakeFirst()).toEqual({ id: 'blog-post', merged_into: 'report' });
    await target.destroy();
  });

  it('refuses a merged_into naming a source the export lacks, with its line, writing nothing', async () => {
    const lines = await collect(exportDatabase(db));
    const i = lines.findIndex((l) => l.includes('"id":"essay"') && l.includes('"table":"source"'));
    const rec = JSON.parse(lines[i]!);
    rec.row.merged_into = 'no-such-source';
    const broken = lines.map((l, j) => (j === i ? JSON.stringify(rec) : l));
    const target = await freshDb('dangling.sqlite');
    await expect(importDatabase(target, broken)).rejects.toThrow(new RegExp(`line ${i + 1}: the source row essay has merged_into no-such-source`));
    expect(await target.selectFrom('source').select('id').execute()).toEqual([]);
    await target.destroy();
  });

  it('leaves password and token hashes out unless asked for credentials', async () => {
    const lines = await collect(exportDatabase(db));
    const text = lines.join('\n');
    const hash = (await db.selectFrom('user').select('password_hash').executeTakeFirstOrThrow()).password_hash;
    expect(text).not.toContain(hash);
    expect(text).not.toContain('"table":"api_token"');
    expect(lines.find((l) => l.includes('"table":"user"'))).toContain(`"password_hash":"${NO_PASSWORD}"`);
  });

  it('refuses to import into a database that already has data, writing nothing', async () => {
    const lines = await collect(exportDatabase(db));
    const before = await snapshotDb(db);
    await expect(importDatabase(db, lines)).rejects.toThrow(/not empty/);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('refuses a malformed export with the line number, writing nothing', async () => {
    const target = await freshDb('bad.sqlite');
    const lines = await collect(exportDatabase(db));
    const broken = [...lines.slice(0, 5), '{"table":"nope","row":{}}'];
    await expect(importDatabase(target, broken)).rejects.toThrow(/line 6/);
    expect(await target.selectFrom('source').select('id').execute()).toEqual([]);
    await target.destroy();
  });

  it('backs up a consistent copy while the database is open', async () => {
    const out = path.join(makeTempDir(), 'backup.sqlite');
    await backupSqliteOrThrow(db, out);
    expect(fs.statSync(out).mode & 0o777, 'a backup holds password hashes: owner-only').toBe(0o600);
    const copy = createSqliteDb(out);
    expect(await snapshotDb(copy)).toEqual(await snapshotDb(db));
    await copy.destroy();
    await expect(backupSqliteOrThrow(db, out)).rejects.toThrow(/already exists/);
  });
});
