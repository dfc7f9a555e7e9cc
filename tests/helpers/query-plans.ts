import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * Runs query functions against a store while recording every SQL statement they issue, then
 * asks SQLite how it would run each one (EXPLAIN QUERY PLAN). The real query modules are
 * measured, not copies of their SQL.
 */

/** Tables that grow with the ledger: a request must never read one of them whole. */
export const LEDGER_TABLES = [
  'claim', 'claim_topic', 'claim_appearance', 'appearance_cite', 'claim_link', 'claim_body_ref', 'evidence', 'confidence_note',
  'revision', 'source', 'source_claim', 'source_cite', 'source_identity', 'facet_count', 'claim_number', 'number_conflict',
] as const;

export interface PlannedQuery {
  sql: string;
  plan: string[];
}

export function openRecordingDb(filename: string): { db: Kysely<Database>; take: () => CompiledQuery[]; close: () => Promise<void> } {
  const database = new SQLite(filename, { readonly: true });
  let recorded: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database }),
    log: (event) => {
      if (event.level === 'query') recorded.push(event.query);
    },
  });
  return {
    db,
    take: () => {
      const out = recorded;
      recorded = [];
      return out;
    },
    close: () => db.destroy(),
  };
}

/** EXPLAIN QUERY PLAN of each recorded SELECT, with its own parameters. */
export function explainAll(filename: string, queries: CompiledQuery[]): PlannedQuery[] {
  const database = new SQLite(filename, { readonly: true });
  try {
    return queries
      .filter((q) => /^\s*select/i.test(q.sql))
      .map((q) => ({
        sql: q.sql,
        plan: (database.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail),
      }));
  } finally {
    database.close();
  }
}

/**
 * What is wrong with a plan, if anything: a full scan of a ledger table (SCAN without an
 * index), or an index walked without a LIMIT to stop it (a scan of the whole index).
 */
export function planProblems(q: PlannedQuery): string[] {
  const problems: string[] = [];
  const limited = /\blimit\b/i.test(q.sql);
  for (const line of q.plan) {
    const scan = /^SCAN (\w+)(?: AS \w+)?(.*)$/.exec(line);
    if (!scan) continue;
    const [, name, rest] = scan;
    const table = tableOf(q.sql, name!);
    if (!table || !(LEDGER_TABLES as readonly string[]).includes(table)) continue;
    if (!/USING (COVERING )?INDEX/.test(rest!)) problems.push(`full scan of ${table}: ${line}`);
    else if (!limited) problems.push(`unbounded index scan of ${table}: ${line}`);
  }
  return problems;
}

/** The table an alias in a plan line stands for (plans name aliases, e.g. "SCAN c USING INDEX …"). */
function tableOf(sql: string, alias: string): string | null {
  if ((LEDGER_TABLES as readonly string[]).includes(alias)) return alias;
  const m = new RegExp(`"(\\w+)" as "${alias}"`, 'i').exec(sql);
  return m ? m[1]! : null;
}
