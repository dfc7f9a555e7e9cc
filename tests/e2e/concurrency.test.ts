import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createApiToken } from '../../lib/auth/users';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// Two production servers (server.mjs) on one SQLite file, taking 200 evidence submissions
// at once between them: every write is its own BEGIN IMMEDIATE transaction, so they queue
// on the database lock instead of failing or overwriting each other.
const TOTAL = 200;
const IN_FLIGHT = 50;

let servers: RunningServer[] = [];
let db: Db;
let dir: string;
let token: string;

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-concurrency-');
  const dbFile = path.join(dir, 'shared.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, copyFixture());
  await createEditor(db);
  token = (await createApiToken(db, EDITOR_EMAIL)).token;
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  servers = await Promise.all([startNextServer(dbFile), startNextServer(dbFile)]);
}, 360_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `tasks` with at most `limit` in flight. */
async function runBounded<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

describe('concurrent submissions over two server processes', () => {
  it(`stores exactly ${TOTAL} evidence entries from ${TOTAL} concurrent POSTs, none lost or duplicated, each answered 201`, async () => {
    const before = (await db.selectFrom('evidence').select('id').execute()).length;
    const versionBefore = (await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow()).version;
    const tasks = Array.from({ length: TOTAL }, (_, i) => async () => {
      // Even submissions go to one process, odd ones to the other.
      const server = servers[i % servers.length]!;
      const res = await fetch(`${server.url}/api/claims/alpha-figure/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sourceId: 'report', stance: 'context', excerpt: `Concurrent submission number ${i}.`, lang: 'en', locator: `row ${i}` }),
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await res.json()) as { id?: string; excerpt?: string };
      return { i, status: res.status, id: body.id, excerpt: body.excerpt };
    });
    const results = await runBounded(tasks, IN_FLIGHT);

    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    expect(new Set(results.map((r) => r.id)).size).toBe(TOTAL);
    const rows = await db.selectFrom('evidence').select(['id', 'excerpt', 'revision', 'status']).where('excerpt', 'like', 'Concurrent submission number %').execute();
    expect(rows).toHaveLength(TOTAL);
    expect((await db.selectFrom('evidence').select('id').execute()).length).toBe(before + TOTAL);
    // Each submission is there once, under the id its response named.
    const byExcerpt = new Map(rows.map((r) => [r.excerpt, r]));
    expect(byExcerpt.size).toBe(TOTAL);
    for (const r of results) expect(byExcerpt.get(`Concurrent submission number ${r.i}.`)?.id).toBe(r.id);
    expect(rows.every((r) => r.revision === 1 && r.status === 'accepted')).toBe(true);
    // One creation revision each, and one data-version bump each.
    const revisions = await db.selectFrom('revision').select('entity_id').where('entity_type', '=', 'evidence').where('action', '=', 'create').where('entity_id', 'in', rows.map((r) => r.id)).execute();
    expect(revisions).toHaveLength(TOTAL);
    const versionAfter = (await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow()).version;
    // Group commit: writes that queued for the lock commit together, one data-version bump per group.
    expect(versionAfter - versionBefore).toBeGreaterThanOrEqual(1);
    expect(versionAfter - versionBefore).toBeLessThanOrEqual(TOTAL);
  }, 180_000);
});
