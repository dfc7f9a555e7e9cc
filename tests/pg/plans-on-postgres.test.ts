import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { encodeCursor } from '../../lib/shared/keyset';
import { generatedClaimId, loadTemplates, populateScaleStore } from '../../scripts/scale/ledger-generator';
import { startPostgres, type PostgresServer } from '../helpers/postgres';
import { ARTICLE, scaleQueryCases } from '../helpers/scale-cases';

// The same list and page queries as tests/scale, on PostgreSQL with the generated
// 10,000-claim ledger: EXPLAIN of every statement they issue shows no sequential scan of a
// table that grows with the ledger.
const CLAIMS = 10_000;
const BIG_TABLES = ['claim', 'claim_topic', 'claim_appearance', 'appearance_cite', 'claim_link', 'claim_body_ref', 'evidence', 'confidence_note', 'revision', 'source_claim'];

let server: PostgresServer;
let drop: () => Promise<void>;
let pool: pg.Pool;
let db: Kysely<Database>;
let recorded: CompiledQuery[] = [];
const ctx = { deepClaimCursor: '', deepSourceCursor: '', sampleClaim: '' };

beforeAll(async () => {
  server = await startPostgres();
  const created = await server.createDatabase();
  drop = created.drop;
  const templates = await loadTemplates();
  await populateScaleStore(created.db, CLAIMS, templates);
  await sql`analyze`.execute(created.db);
  pool = new pg.Pool({ connectionString: created.url, max: 2 });
  db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: (e) => void (e.level === 'query' && recorded.push(e.query)) });
  const deep = await created.db.selectFrom('claim').select(['sort_title', 'id']).where('listed', '=', 1).orderBy('sort_title').orderBy('id').offset(9_000).limit(1).executeTakeFirstOrThrow();
  ctx.deepClaimCursor = encodeCursor({ order: 'title:asc', direction: 'after', values: [deep.sort_title, deep.id] });
  const use = await created.db.selectFrom('source_claim').select(['sort_title', 'claim_id']).where('source_id', '=', ARTICLE).orderBy('sort_title').orderBy('claim_id').offset(9_000).limit(1).executeTakeFirstOrThrow();
  ctx.deepSourceCursor = encodeCursor({ order: 'title', direction: 'after', values: [use.sort_title, use.claim_id] });
  ctx.sampleClaim = generatedClaimId(templates.claims[42 % templates.claims.length]!.frontmatter.id, 42);
}, 900_000);
afterAll(async () => {
  await db?.destroy();
  await drop?.();
  await server?.stop();
});

describe('query plans on PostgreSQL at 10,000 claims', () => {
  it.each(scaleQueryCases(() => db, () => ctx))('%s: no sequential scan of a ledger table', async (_name, run) => {
    recorded = [];
    await run();
    const problems: string[] = [];
    for (const q of recorded.filter((x) => /^\s*select/i.test(x.sql))) {
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`explain ${q.sql}`, q.parameters as unknown[]);
      const plan = rows.map((r) => r['QUERY PLAN']);
      for (const line of plan) {
        const seq = /Seq Scan on (\w+)/.exec(line);
        if (seq && BIG_TABLES.includes(seq[1]!)) problems.push(`${line.trim()}\n    in: ${q.sql.slice(0, 300)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
