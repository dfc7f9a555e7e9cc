import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { expect, test as base } from 'vitest';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import type { Actor } from '../../lib/auth/users';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence, retractEvidence } from '../../lib/evidence/write';
import { writeWithRevisions } from '../../lib/history/revision-kernel';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

// What one evidence write reads must not grow with the claim it is written to: the derived
// state is refreshed from tallies per source and stance and from the entry's own quote, not
// from every entry of the claim. Rows returned by SQLite are counted, not time.

interface CountingDb {
  db: Db;
  rowsRead: () => number;
}

/** A second connection to the same file whose every statement's returned rows are counted. */
function openCountingDb(filename: string): CountingDb {
  const database = new SQLite(filename);
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  let rows = 0;
  const prepare = database.prepare.bind(database);
  database.prepare = ((source: string) => {
    const statement = prepare(source);
    return new Proxy(statement, {
      get(target, prop) {
        if (prop === 'all') return (...args: unknown[]) => {
          const out = target.all(...args) as unknown[];
          rows += out.length;
          return out;
        };
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }) as typeof database.prepare;
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), rowsRead: () => rows };
}

const test = base.extend<{ store: { db: Db; filename: string }; editor: Actor; counting: CountingDb }>({
  store: async ({}, provide) => {
    const t = await createTestDb();
    await checkAndIngest(t.db, copyFixture());
    await provide(t);
    await t.cleanup();
  },
  editor: async ({ store }, provide) => provide(await createEditor(store.db)),
  counting: async ({ store }, provide) => {
    const counting = openCountingDb(store.filename);
    await provide(counting);
    await counting.db.destroy();
  },
});

/** Adds `n` accepted entries to the claim in one write, as an import or a busy desk would. */
async function addEntries(db: Db, claimId: string, n: number) {
  const at = new Date().toISOString();
  await writeWithRevisions(db, { actor: 'test', at }, (w) =>
    w.insertMany(
      'evidence',
      Array.from({ length: n }, (_, i) => ({
        id: `ev-bulk-${i}`, claim_id: claimId, source_id: i % 2 ? 'report' : 'essay', stance: i % 3 ? 'supports' : 'context', target: 'value',
        excerpt: `A bulk excerpt, number ${i}.`, lang: 'en', translation: null, locator: null, value: null, unit: null, as_of: null,
        note: null, status: 'accepted', retracted_at: null, retracted_reason: null, origin: 'user', seed_hash: null, revision: 1,
        author: 'test', created_at: at, updated_at: at,
      })),
      { action: 'create' },
    ),
  );
}

const entry = (excerpt: string) => newEvidenceInputSchema.parse({ sourceId: 'report', stance: 'context', excerpt, lang: 'en' });

/** Rows read by one new entry, and by retracting it. */
async function measureWrite(counting: CountingDb, editor: Actor, label: string) {
  const before = counting.rowsRead();
  const row = await createEvidence(counting.db, 'alpha-figure', entry(`One more entry (${label}).`), { kind: 'editor', actor: editor });
  const added = counting.rowsRead() - before;
  const mid = counting.rowsRead();
  await retractEvidence(counting.db, row.id, 'a test retraction', row.revision, editor);
  return { added, retracted: counting.rowsRead() - mid };
}

test('a new entry on a claim with 600 entries reads about as many rows as on a claim with a handful, and so does its retraction', async ({ store, editor, counting }) => {
  const small = await measureWrite(counting, editor, 'small');
  await addEntries(store.db, 'alpha-figure', 600);
  const large = await measureWrite(counting, editor, 'large');
  // Reading every entry once would add 600 rows; the refresh reads a tally row per source and stance.
  expect(large.added - small.added, JSON.stringify({ small, large })).toBeLessThan(30);
  expect(large.retracted - small.retracted, JSON.stringify({ small, large })).toBeLessThan(30);
  // …and the derived state still counts them all.
  const claim = await store.db.selectFrom('claim').select('evidence_count').where('id', '=', 'alpha-figure').executeTakeFirstOrThrow();
  expect(claim.evidence_count).toBeGreaterThanOrEqual(600);
  const graph = JSON.parse((await store.db.selectFrom('claim_lineage').select('graph').where('claim_id', '=', 'alpha-figure').executeTakeFirstOrThrow()).graph);
  const tallied = Object.values(graph.evidence.byStance as Record<string, { entries: number }>).reduce((n, s) => n + s.entries, 0);
  expect(tallied).toBe(claim.evidence_count);
});
