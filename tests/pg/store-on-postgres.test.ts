import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { migrations } from '../../db/migrations';
import { migrateDownOrThrow, migrateToLatestOrThrow } from '../../db/migrator';
import { getClaimPage } from '../../lib/claims/claim-page';
import { listClaimIds, listClaims } from '../../lib/claims/list-queries';
import { consumeRateLimit } from '../../lib/auth/rate-limit';
import { checkSignInAllowed, recordSignInFailure, recordSignInSuccess } from '../../lib/auth/sign-in-throttle';
import { runIngest } from '../../lib/claims/ingest';
import { readIngestState } from '../../lib/claims/ingest-state';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence, updateEvidence } from '../../lib/evidence/write';
import { exportDatabase, importDatabase } from '../../lib/portability/dump';
import { parseSearchParams } from '../../lib/search/params';
import { createSearchService } from '../../lib/search/service';
import { StoreBusyError, UserFacingError } from '../../lib/shared/errors';
import { withWriteTransaction } from '../../db/transaction';
import pg from 'pg';
import { getSource } from '../../lib/sources/source-page';
import { mergeSources } from '../../lib/sources/write';
import { listSources } from '../../lib/sources/list-queries';
import { createEditor } from '../helpers/actors';
import { expectWritesGroupCommitted } from '../helpers/group-commit';
import { startPostgres, type PostgresServer } from '../helpers/postgres';
import { createTestDb } from '../helpers/test-db';

const repo = path.resolve(import.meta.dirname, '..', '..');
const content = { claimsDir: path.join(repo, 'claims'), seedDir: path.join(repo, 'db', 'seed') };
const FIXED_NOW = () => new Date('2026-11-28T12:00:00.000Z');

async function collect(gen: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of gen) out.push(line);
  return out;
}

describe('the same store code on a real PostgreSQL server', () => {
  let server: PostgresServer;
  let pgDb: Db;
  let dropPg: () => Promise<void>;
  let sqliteDb: Db;
  let cleanupSqlite: () => Promise<void>;

  beforeAll(async () => {
    server = await startPostgres();
    ({ db: pgDb, drop: dropPg } = await server.createDatabase());
    ({ db: sqliteDb, cleanup: cleanupSqlite } = await createTestDb());
    for (const db of [pgDb, sqliteDb]) {
      const result = await runIngest(db, { ...content, now: FIXED_NOW });
      expect(result.ok).toBe(true);
    }
  }, 120_000);
  afterAll(async () => {
    await dropPg?.();
    await cleanupSqlite?.();
    await server?.stop();
  });

  it('migrates down and up, and refuses edits to the revision log', async () => {
    const { db, drop } = await server.createDatabase();
    const names = Object.keys(migrations);
    for (const _ of names) await migrateDownOrThrow(db);
    expect(await migrateToLatestOrThrow(db)).toEqual(names);
    await db.insertInto('revision').values({ entity_type: 'source', entity_id: 's', revision: 1, action: 'create', snapshot: '{}', diff: '{}', actor: 't', reason: null, created_at: 'x' }).execute();
    await expect(db.updateTable('revision').set({ actor: 'u' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('revision').execute()).rejects.toThrow(/append-only/);
    await drop();
  });

  it('ingests the real claims idempotently', async () => {
    const again = await runIngest(pgDb, content);
    expect(again.ok && again.report.unchanged.length).toBe(fs.readdirSync(content.claimsDir).filter((f) => f.endsWith('.mdx')).length);
    // The file index is in the store: nothing changed, so nothing was read or parsed.
    expect(again.ok && again.report.parsed).toBe(0);
    // And the folder was compared with its snapshot (a bytea here), not with a row per file.
    const state = await readIngestState(pgDb, { claimsDir: path.resolve(content.claimsDir), seedFiles: [] });
    expect(state.folderFromSnapshot).toBe(true);
    expect(state.folder.names).toEqual(fs.readdirSync(content.claimsDir).filter((f) => f.endsWith('.mdx')).sort());
  });

  it('gives every page the same data as SQLite does', async () => {
    const ids = await listClaimIds(sqliteDb);
    expect(await listClaimIds(pgDb)).toEqual(ids);
    for (const id of ids) expect(await getClaimPage(pgDb, id), id).toEqual(await getClaimPage(sqliteDb, id));
    expect(await listClaims(pgDb, { sort: 'confidence' })).toEqual(await listClaims(sqliteDb, { sort: 'confidence' }));
    const sources = await listSources(sqliteDb, {});
    expect(await listSources(pgDb, {})).toEqual(sources);
    for (const s of sources.items) expect(await getSource(pgDb, s.id), s.id).toEqual(await getSource(sqliteDb, s.id));
  });

  it('keeps concurrent writers correct: 40 parallel submissions all stored, and of 8 racing edits on one revision exactly one wins', async () => {
    const editor = await createEditor(pgDb, 'pg-editor@example.org');
    const input = newEvidenceInputSchema.parse({ sourceId: 'gangge-matters-ai-bubble', stance: 'context', excerpt: '資本錯配', lang: 'zh-Hant' });
    const rows = await Promise.all(Array.from({ length: 40 }, () => createEvidence(pgDb, 'ai-bubble-17x-dotcom', input, { kind: 'editor', actor: editor })));
    expect(new Set(rows.map((r) => r.id)).size).toBe(40);
    const stored = await pgDb.selectFrom('evidence').select('id').where('author', '=', 'pg-editor@example.org').execute();
    expect(stored).toHaveLength(40);

    const target = rows[0]!;
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => updateEvidence(pgDb, target.id, { note: `edit ${i}` }, 1, editor)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as UserFacingError).status).toBe(412);
    const revisions = await pgDb.selectFrom('revision').select('revision').where('entity_id', '=', target.id).execute();
    expect(revisions.map((r) => r.revision).sort()).toEqual([1, 2]);
  });

  it('commits writes arriving together as a group: each answered after the commit, a refused one alone, fewer version bumps than writes', async () => {
    const actor = await createEditor(pgDb, 'pg-grouped@example.org');
    await expectWritesGroupCommitted(pgDb, { claimId: 'ai-bubble-17x-dotcom', sourceId: 'gangge-matters-ai-bubble', actor, tag: 'pg-grouped' });
  });

  it('counts rate-limit windows in epoch milliseconds and stores anonymous proposals', async () => {
    const now = Date.UTC(2026, 10, 28, 12);
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await consumeRateLimit(pgDb, 'proposal:pg', { limit: 2, windowMs: 3_600_000, now })).ok);
    expect(results).toEqual([true, true, false]);
    const input = newEvidenceInputSchema.parse({ source: { url: 'https://example.org/pg-proposal', title: 'A proposal', type: 'news' }, stance: 'supports', excerpt: '泡沫', lang: 'zh-Hant' });
    const proposal = await createEvidence(pgDb, 'ai-bubble-17x-dotcom', input, { kind: 'anonymous', clientKey: 'k' });
    expect(proposal.status).toBe('pending');
  });

  it('throttles sign-ins per account on PostgreSQL as on SQLite (epoch milliseconds in bigint columns)', async () => {
    const now = Date.UTC(2026, 11, 2, 12);
    for (let i = 0; i < 6; i++) await recordSignInFailure(pgDb, { email: 'pg-throttle@example.org', clientKey: `198.51.100.${i}`, now: now + i });
    expect(await checkSignInAllowed(pgDb, { email: 'pg-throttle@example.org', clientKey: '198.51.100.99', now: now + 10 })).toEqual({ ok: false, scope: 'account', retryAfterSeconds: 4 });
    await recordSignInSuccess(pgDb, { email: 'pg-throttle@example.org', now: now + 20 });
    expect(await checkSignInAllowed(pgDb, { email: 'pg-throttle@example.org', clientKey: '198.51.100.99', now: now + 21 })).toEqual({ ok: true });
  });

  it('gives up on a write lock held by another connection with StoreBusyError after bounded waits, writing nothing', async () => {
    const { db, url, drop } = await server.createDatabase();
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('select pg_advisory_lock(7468201)');
    let ran = false;
    const error = await withWriteTransaction(db, async () => {
      ran = true;
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreBusyError);
    expect(ran).toBe(false);
    await holder.query('select pg_advisory_unlock(7468201)');
    await holder.end();
    await withWriteTransaction(db, async () => {
      ran = true;
    });
    expect(ran).toBe(true);
    await drop();
  }, 30_000);

  it('treats an id that cannot exist as not found instead of failing', async () => {
    expect(await getClaimPage(pgDb, 'x\u0000y')).toBeNull();
    expect(await getSource(pgDb, '\u0000')).toBeNull();
    const editor = await createEditor(pgDb, 'nul-ids@example.org');
    const input = newEvidenceInputSchema.parse({ sourceId: 'gangge-matters-ai-bubble', stance: 'context', excerpt: 'x', lang: 'en' });
    await expect(createEvidence(pgDb, 'x\u0000', input, { kind: 'editor', actor: editor })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('searches the store on PostgreSQL as on SQLite', async () => {
    const service = createSearchService(pgDb, { log: () => {} });
    for (const [q, expected] of [['泡沫', 'ai-bubble-17x-dotcom'], ['$500M', 'gpt4-training-cost-500m'], ['Sløk', 'large-firm-ai-adoption-declining']] as const) {
      const parsed = parseSearchParams({ q });
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const ids = (await service.search(parsed.params)).groups.claim.hits.map((h) => h.id);
      expect(ids.slice(0, 3), q).toContain(expected);
    }
  });

  it('moves a deployment: export from SQLite, import into PostgreSQL, export again: identical', async () => {
    // Merges in both id orders: one into a source whose id sorts later, one into an earlier one.
    const merger = await createEditor(sqliteDb, 'merger@example.org');
    await mergeSources(sqliteDb, 'allmind-critique-17x', 'cnn-nightcap-ai-bubble-17x', 'duplicate', merger);
    await mergeSources(sqliteDb, 'wonderfulengineering-ai-boom-17x', 'unusualwhales-ai-bubble-17x', 'duplicate', merger);
    const fromSqlite = await collect(exportDatabase(sqliteDb, { withCredentials: true }));
    const { db, drop } = await server.createDatabase();
    await importDatabase(db, fromSqlite);
    expect(await db.selectFrom('source').select(['id', 'merged_into']).where('merged_into', 'is not', null).orderBy('id').execute()).toEqual([
      { id: 'allmind-critique-17x', merged_into: 'cnn-nightcap-ai-bubble-17x' },
      { id: 'wonderfulengineering-ai-boom-17x', merged_into: 'unusualwhales-ai-bubble-17x' },
    ]);
    expect(await collect(exportDatabase(db, { withCredentials: true }))).toEqual(fromSqlite);
    // The moved deployment keeps working: new writes get fresh ids after the imported ones.
    const editor = await createEditor(db, 'after-move@example.org');
    const input = newEvidenceInputSchema.parse({ sourceId: 'gangge-matters-ai-bubble', stance: 'context', excerpt: '資本錯配', lang: 'zh-Hant' });
    const row = await createEvidence(db, 'ai-bubble-17x-dotcom', input, { kind: 'editor', actor: editor });
    const maxImported = Math.max(...fromSqlite.filter((l) => l.includes('"table":"revision"')).map((l) => JSON.parse(l).row.id as number));
    const rev = await db.selectFrom('revision').select('id').where('entity_id', '=', row.id).executeTakeFirstOrThrow();
    expect(rev.id).toBeGreaterThan(maxImported);
    await drop();
  });
});
