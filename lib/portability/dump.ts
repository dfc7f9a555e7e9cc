import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { advanceIdSequences } from '../../db/sequences';
import { withWriteTransaction } from '../../db/transaction';
import { rebuildDerivedState } from '../history/derived-state';
import { UserFacingError } from '../shared/errors';

/**
 * Tables in dependency order, each with the columns that order its rows. Sessions and
 * rate-limit windows are ephemeral and never exported.
 */
const TABLES = [
  { name: 'source', orderBy: ['id'] },
  { name: 'claim', orderBy: ['id'] },
  { name: 'claim_topic', orderBy: ['claim_id', 'topic'] },
  { name: 'claim_appearance', orderBy: ['claim_id', 'position'] },
  { name: 'appearance_cite', orderBy: ['claim_id', 'position', 'cited_source_id'] },
  { name: 'claim_link', orderBy: ['from_claim_id', 'to_claim_id', 'relation'] },
  { name: 'claim_passage', orderBy: ['claim_id', 'position'] },
  { name: 'capture', orderBy: ['source_id', 'seq'] },
  { name: 'capture_content', orderBy: ['capture_id'] },
  { name: 'evidence', orderBy: ['id'] },
  { name: 'confidence_note', orderBy: ['id'] },
  { name: 'revision', orderBy: ['id'] },
  { name: 'ingest_run', orderBy: ['id'] },
  { name: 'data_version', orderBy: ['id'] },
  { name: 'user', orderBy: ['id'] },
  { name: 'api_token', orderBy: ['id'] },
] as const satisfies ReadonlyArray<{ name: keyof Database; orderBy: readonly string[] }>;

type TableName = (typeof TABLES)[number]['name'];

/**
 * Columns that point at a row of their own table. Export writes such a table so that every
 * one of these points backwards (the row it names comes first); import also accepts a
 * forward reference (an export from before this order) by filling it in at the end.
 */
const SELF_REFERENCES: Partial<Record<TableName, { key: string; column: string }>> = {
  source: { key: 'id', column: 'merged_into' },
};

/**
 * Rows reordered so each row's self-reference names a row before it, keeping the stored
 * order otherwise (a depth-first walk: a row waits only for the chain it points along).
 */
function orderSelfReferencesBackwards(rows: Record<string, unknown>[], ref: { key: string; column: string }): Record<string, unknown>[] {
  const byKey = new Map(rows.map((r) => [r[ref.key], r]));
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  for (const row of rows) {
    const chain: Record<string, unknown>[] = [];
    const onChain = new Set<unknown>();
    for (let r: Record<string, unknown> | undefined = row; r && !placed.has(r[ref.key]) && !onChain.has(r[ref.key]); r = byKey.get(r[ref.column])) {
      chain.push(r);
      onChain.add(r[ref.key]);
    }
    // A cycle cannot be ordered; its rows keep their order and the import reports it.
    for (const r of chain.reverse()) {
      placed.add(r[ref.key]);
      out.push(r);
    }
  }
  return out;
}

/**
 * 2: a creation's revision carries an empty diff (it is its snapshot's fields, lib/history/revisions.ts).
 * A format-1 export imports as it is: its creations carry their diffs in full, which read the same.
 */
export const EXPORT_FORMAT = 'claim-ledger-export/2';
const IMPORTABLE_FORMATS: ReadonlySet<unknown> = new Set(['claim-ledger-export/1', EXPORT_FORMAT]);

/** An account without its password hash cannot sign in until an admin resets the password. */
export const NO_PASSWORD = '!';

/**
 * Writes everything in the store as JSON Lines: a header, then one `{table, row}` per line,
 * ids and timestamps as stored. Password and token hashes only with `withCredentials`.
 */
export async function* exportDatabase(db: Kysely<Database>, options: { withCredentials?: boolean } = {}): AsyncGenerator<string> {
  yield JSON.stringify({ format: EXPORT_FORMAT, withCredentials: options.withCredentials ?? false });
  for (const table of TABLES) {
    if (table.name === 'api_token' && !options.withCredentials) continue;
    let query = db.selectFrom(table.name).selectAll();
    for (const column of table.orderBy) query = query.orderBy(column as never);
    let rows = (await query.execute()) as Record<string, unknown>[];
    const selfReference = SELF_REFERENCES[table.name];
    if (selfReference) rows = orderSelfReferencesBackwards(rows, selfReference);
    for (const row of rows) {
      const out: Record<string, unknown> = { ...row };
      if (table.name === 'user' && !options.withCredentials) out.password_hash = NO_PASSWORD;
      // An archived copy's raw bytes travel as base64 text (every column is text, a number or null).
      if (table.name === 'capture_content') out.raw = Buffer.from(out.raw as Uint8Array).toString('base64');
      yield JSON.stringify({ table: table.name, row: out });
    }
  }
}

/** Exports made before revisions named their claim: the claim is in the snapshot of evidence and notes. */
function claimIdOfRevision(row: Record<string, unknown>): string | null {
  if (row.entity_type === 'claim') return typeof row.entity_id === 'string' ? row.entity_id : null;
  if (row.entity_type !== 'evidence' && row.entity_type !== 'confidence_note') return null;
  try {
    const claimId = (JSON.parse(String(row.snapshot)) as { claim_id?: unknown }).claim_id;
    return typeof claimId === 'string' ? claimId : null;
  } catch {
    return null;
  }
}

/**
 * Loads an export into a freshly migrated, empty database in one transaction: the rows
 * keep their ids and timestamps, and no revision is written (the log comes with them).
 */
export async function importDatabase(db: Kysely<Database>, lines: AsyncIterable<string> | Iterable<string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  return withWriteTransaction(db, async (trx) => {
    for (const table of TABLES) {
      if (table.name === 'data_version') continue; // one row that migrations create
      const any = await trx.selectFrom(table.name).select((eb) => eb.lit(1).as('one')).limit(1).executeTakeFirst();
      if (any) throw new UserFacingError('conflict', `the target database is not empty (table ${table.name} has rows): import into a freshly migrated database`);
    }
    const known = new Set<string>(TABLES.map((t) => t.name));
    const seenKeys = new Map<TableName, Set<unknown>>();
    /** Forward self-references, filled in once the row they name has been loaded. */
    const deferred: Array<{ table: TableName; ref: { key: string; column: string }; key: unknown; target: unknown; lineNo: number }> = [];
    let lineNo = 0;
    let sawHeader = false;
    for await (const line of lines) {
      lineNo += 1;
      if (line.trim() === '') continue;
      let record: { format?: string; table?: string; row?: Record<string, unknown> };
      try {
        record = JSON.parse(line);
      } catch {
        throw new UserFacingError('invalid', `line ${lineNo}: not JSON`);
      }
      if (!sawHeader) {
        if (!IMPORTABLE_FORMATS.has(record.format)) throw new UserFacingError('invalid', `line ${lineNo}: expected the header {"format":"${EXPORT_FORMAT}"}`);
        sawHeader = true;
        continue;
      }
      if (!record.table || !known.has(record.table) || !record.row || typeof record.row !== 'object') {
        throw new UserFacingError('invalid', `line ${lineNo}: expected {"table": one of ${[...known].join(', ')}, "row": {…}}`);
      }
      const table = record.table as TableName;
      const row = record.row;
      if (Object.values(row).some((v) => v !== null && typeof v === 'object')) {
        throw new UserFacingError('invalid', `line ${lineNo}: a ${table} row holds a nested value: columns hold text, numbers or null`);
      }
      try {
        // The database checks the columns and their constraints; a bad row names its line.
        if (table === 'revision' && row.claim_id === undefined) row.claim_id = claimIdOfRevision(row);
        if (table === 'capture_content' && typeof row.raw === 'string') row.raw = Buffer.from(row.raw, 'base64');
        const ref = SELF_REFERENCES[table];
        if (ref) {
          const seen = seenKeys.get(table) ?? new Set<unknown>();
          seenKeys.set(table, seen);
          const target = row[ref.column];
          if (target !== null && target !== undefined && !seen.has(target)) {
            deferred.push({ table, ref, key: row[ref.key], target, lineNo });
            row[ref.column] = null;
          }
          seen.add(row[ref.key]);
        }
        if (table === 'data_version') {
          await trx.updateTable('data_version').set(row as never).where('id', '=', 1).execute();
        } else {
          await trx.insertInto(table).values(row as never).execute();
        }
      } catch (error) {
        throw new UserFacingError('invalid', `line ${lineNo}: the ${table} row was refused: ${(error as Error).message}`);
      }
      counts[table] = (counts[table] ?? 0) + 1;
    }
    if (!sawHeader) throw new UserFacingError('invalid', 'the file is empty: expected an export made by `claims export`');
    for (const d of deferred) {
      if (!seenKeys.get(d.table)?.has(d.target)) {
        throw new UserFacingError('invalid', `line ${d.lineNo}: the ${d.table} row ${String(d.key)} has ${d.ref.column} ${String(d.target)}, which is not in the export`);
      }
      await trx.updateTable(d.table).set({ [d.ref.column]: d.target } as never).where(d.ref.key as never, '=', d.key as never).execute();
    }
    await advanceIdSequences(trx, ['revision', 'ingest_run']);
    // Lists, counts and facets are derived from the rows just loaded.
    await rebuildDerivedState(trx);
    return counts;
  });
}
