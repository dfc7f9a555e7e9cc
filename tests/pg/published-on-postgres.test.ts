import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { getActorByEmailOrThrow } from '../../lib/auth/users';
import { getClaimReviewFeedPage } from '../../lib/citations/claim-review-feed';
import { getClaimCsl, getClaimVersion, getSourceCsl } from '../../lib/citations/queries';
import { addConfidenceNote } from '../../lib/confidence/write';
import { listFeedEntries, type FeedScope } from '../../lib/feeds/entries';
import { writeOpenDataset } from '../../lib/open-data/export';
import { renderSitemapRoot } from '../../lib/sitemap/sitemap';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { startPostgres, type PostgresServer } from '../helpers/postgres';
import { createTestDb, makeTempDir } from '../helpers/test-db';

// Citations, feeds, the data feed, the sitemap and the open export give the same answers on
// PostgreSQL as on SQLite, from the same fixture and the same writes.

let server: PostgresServer;
let pg: { db: Db; drop: () => Promise<void> };
let lite: { db: Db; cleanup: () => Promise<void> };

async function prepare(db: Db) {
  await checkAndIngest(db, copyFixture());
  await createEditor(db);
  await addConfidenceNote(db, 'alpha-figure', { verdict: 'false', confidence: 0.3, reason: 'Changed on both stores.', evidenceIds: [] }, await getActorByEmailOrThrow(db, EDITOR_EMAIL));
}

beforeAll(async () => {
  server = await startPostgres();
  pg = await server.createDatabase();
  lite = await createTestDb();
  await prepare(pg.db);
  await prepare(lite.db);
}, 240_000);
afterAll(async () => {
  await pg?.drop();
  await server?.stop();
  await lite?.cleanup();
});

/** What a run returns, without the times and ids that differ between two stores written at different moments. */
const stable = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (k, v) => (['at', 'revisionId', 'dateModified', 'created_at', 'generatedAt', 'issued'].includes(k) ? undefined : typeof v === 'string' ? v.replace(/note-cn-[0-9a-f]+/g, 'note-(new)') : v)));

const CASES: Array<[string, (db: Db) => Promise<unknown>]> = [
  ['a claim citation', (db: Db) => getClaimCsl(db, 'alpha-figure')],
  ['a source citation', (db: Db) => getSourceCsl(db, 'essay')],
  ['a claim revision', (db: Db) => getClaimVersion(db, 'alpha-figure', 1)],
  ...(['site', 'claim', 'source', 'topic'] as const).map((kind) => [
    `the ${kind} feed`,
    async (db: Db) => {
      const scope: FeedScope = kind === 'site' ? { kind } : kind === 'claim' ? { kind, id: 'alpha-figure' } : kind === 'source' ? { kind, id: 'report' } : { kind, topic: (await db.selectFrom('claim_topic').select('topic').orderBy('topic').executeTakeFirstOrThrow()).topic };
      return listFeedEntries(db, scope);
    },
  ] as [string, (db: Db) => Promise<unknown>]),
  ['the ClaimReview data feed', (db: Db) => getClaimReviewFeedPage(db, null, 1)],
  ['the sitemap', async (db: Db) => (await renderSitemapRoot(db)).replace(/<lastmod>[^<]*<\/lastmod>/g, '')],
];

describe('published forms on PostgreSQL', () => {
  it.each(CASES)('%s is the same as on SQLite', async (_name, run) => {
    const onPg = await run(pg.db);
    expect(onPg).toBeTruthy();
    expect(stable(onPg)).toEqual(stable(await run(lite.db)));
  });

  it('the open export writes the same rows from PostgreSQL', async () => {
    const dir = makeTempDir('claim-ledger-open-pg-');
    const a = await writeOpenDataset(pg.db, path.join(dir, 'pg'));
    const b = await writeOpenDataset(lite.db, path.join(dir, 'lite'));
    expect(a.files.map((f) => [f.name, f.rows])).toEqual(b.files.map((f) => [f.name, f.rows]));
    const claims = (p: string) => fs.readFileSync(path.join(dir, p, 'claims.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => stable(JSON.parse(l)));
    expect(claims('pg')).toEqual(claims('lite'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
