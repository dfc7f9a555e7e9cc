import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { getClaimPermalink } from '../citations/permalink';
import { publicClaim } from '../citations/visibility';
import { getDataVersion, revisionDiff } from '../history/revisions';
import { parseJsonArray, parseStringList } from '../shared/json-columns';
import { VERDICT_SCALE, VERDICTS } from '../shared/vocabulary';
import { OPEN_DATA_LICENCE, OPEN_DATA_TABLES, type TableSpec } from './dictionary';

type Db = Kysely<Database>;
type Row = Record<string, unknown>;

/** Rows read per query: the export streams, whatever the size of the ledger. */
const BATCH = 1000;

export interface OpenDataFile {
  name: string;
  bytes: number;
  sha256: string;
  rows?: number;
}

export interface OpenDataManifest {
  generatedAt: string;
  dataVersion: number;
  licence: { name: string; url: string };
  files: OpenDataFile[];
}

export const MANIFEST_FILE = 'manifest.json';

const bool = (v: unknown) => v === 1 || v === true;
const list = (json: string) => parseStringList(json);

/** Keyset batches of a query ordered by `key`. */
async function* batches<T extends Row>(fetch: (after: string | number | null) => Promise<T[]>, key: keyof T): AsyncGenerator<T> {
  let after: string | number | null = null;
  for (;;) {
    const rows = await fetch(after);
    for (const r of rows) yield r;
    if (rows.length < BATCH) return;
    after = rows.at(-1)![key] as string | number;
  }
}

// Fields of each kind that the revision log's `changes` may show (the exported columns).
const PUBLIC_REVISION_FIELDS: Record<string, Set<string>> = {
  claim: new Set(['title', 'statement', 'claimant', 'topics', 'appearances', 'original_lang', 'original_text', 'original_translation', 'verdict', 'verdict_date', 'summary', 'is_withdrawn', 'withdrawn_at', 'quantity_value', 'quantity_low', 'quantity_high', 'quantity_unit', 'quantity_measure', 'quantity_as_of']),
  source: new Set(['title', 'publisher', 'authors', 'published', 'url', 'copies', 'accessed', 'type', 'lang', 'reliability', 'reliability_reason', 'is_verified', 'licence', 'merged_into', 'status']),
  evidence: new Set(['source_id', 'stance', 'target', 'excerpt', 'lang', 'translation', 'locator', 'value', 'unit', 'as_of', 'note', 'status', 'retracted_at', 'retracted_reason']),
  confidence_note: new Set(['confidence', 'verdict', 'reason', 'evidence_ids']),
};

function rowsOf(db: Db, table: string): AsyncGenerator<Row> {
  switch (table) {
    case 'claims':
      return (async function* () {
        let after: string | null = null;
        for (;;) {
          let q = db.selectFrom('claim as c').selectAll('c').where(publicClaim('c'));
          if (after !== null) q = q.where('c.id', '>', after);
          const claims = await q.orderBy('c.id').limit(BATCH).execute();
          if (claims.length === 0) return;
          const topicsOf = new Map<string, string[]>();
          for (const t of await db.selectFrom('claim_topic').select(['claim_id', 'topic']).where('claim_id', 'in', claims.map((c) => c.id)).orderBy('topic').execute()) {
            topicsOf.set(t.claim_id, [...(topicsOf.get(t.claim_id) ?? []), t.topic]);
          }
          for (const c of claims) {
            const topics = topicsOf.get(c.id) ?? [];
            yield {
              id: c.id, url: getClaimPermalink(c.id), revision: c.revision, title: c.title, statement: c.statement, claimant: c.claimant, topics,
              original_lang: c.original_lang, original_text: c.original_text, original_translation: c.original_translation,
              file_verdict: c.verdict, file_verdict_date: c.verdict_date, summary: c.summary, current_verdict: c.current_verdict, current_verdict_date: c.current_verdict_date,
              current_confidence: c.current_confidence, last_reviewed: c.last_reviewed, withdrawn: bool(c.is_withdrawn), withdrawn_at: c.withdrawn_at,
            };
          }
          if (claims.length < BATCH) return;
          after = claims.at(-1)!.id;
        }
      })();
    case 'quantities':
      return (async function* () {
        for await (const c of batches((after) => {
          let q = db.selectFrom('claim as c').select(['c.id', 'c.quantity_measure', 'c.quantity_value', 'c.quantity_low', 'c.quantity_high', 'c.quantity_unit', 'c.quantity_as_of']).where(publicClaim('c'));
          if (after !== null) q = q.where('c.id', '>', after as string);
          return q.orderBy('c.id').limit(BATCH).execute();
        }, 'id')) {
          if (c.quantity_measure === null || c.quantity_unit === null) continue;
          yield { claim_id: c.id, measure: c.quantity_measure, value: c.quantity_value, low: c.quantity_low, high: c.quantity_high, unit: c.quantity_unit, as_of: c.quantity_as_of };
        }
      })();
    case 'sources':
      return (async function* () {
        for await (const r of batches((after) => {
          let q = db.selectFrom('source').selectAll().where('status', '=', 'accepted');
          if (after !== null) q = q.where('id', '>', after as string);
          return q.orderBy('id').limit(BATCH).execute();
        }, 'id')) {
          yield {
            id: r.id, title: r.title, publisher: r.publisher, authors: list(r.authors), published: r.published, url: r.url, copies: parseJsonArray(r.copies), accessed: r.accessed,
            type: r.type, lang: r.lang, reliability: r.reliability, reliability_reason: r.reliability_reason, verified: bool(r.is_verified), licence: r.licence, merged_into: r.merged_into,
          };
        }
      })();
    case 'evidence':
      return (async function* () {
        for await (const e of batches((after) => {
          let q = db
            .selectFrom('evidence as e')
            .innerJoin('claim as c', 'c.id', 'e.claim_id')
            .innerJoin('source as s', 's.id', 'e.source_id')
            .selectAll('e')
            .where('e.status', '=', 'accepted')
            .where('s.status', '=', 'accepted')
            .where(publicClaim('c'));
          if (after !== null) q = q.where('e.id', '>', after as string);
          return q.orderBy('e.id').limit(BATCH).execute();
        }, 'id')) {
          yield {
            id: e.id, claim_id: e.claim_id, source_id: e.source_id, stance: e.stance, target: e.target, excerpt: e.excerpt, lang: e.lang, translation: e.translation, locator: e.locator,
            value: e.value, unit: e.unit, as_of: e.as_of, note: e.note, retracted_at: e.retracted_at, retracted_reason: e.retracted_reason, created_at: e.created_at,
          };
        }
      })();
    case 'confidence_notes':
      return (async function* () {
        for await (const n of batches((after) => {
          let q = db.selectFrom('confidence_note as n').innerJoin('claim as c', 'c.id', 'n.claim_id').selectAll('n').where(publicClaim('c'));
          if (after !== null) q = q.where('n.id', '>', after as string);
          return q.orderBy('n.id').limit(BATCH).execute();
        }, 'id')) {
          yield { id: n.id, claim_id: n.claim_id, confidence: n.confidence, verdict: n.verdict, reason: n.reason, evidence_ids: list(n.evidence_ids), created_at: n.created_at };
        }
      })();
    case 'revisions':
      return (async function* () {
        for await (const r of batches((after) => {
          let q = db
            .selectFrom('revision as r')
            .leftJoin('claim as c', 'c.id', 'r.claim_id')
            .leftJoin('evidence as e', (j) => j.onRef('e.id', '=', 'r.entity_id').on('r.entity_type', '=', 'evidence'))
            .leftJoin('source as s', (j) => j.onRef('s.id', '=', 'r.entity_id').on('r.entity_type', '=', 'source'))
            .select(['r.id', 'r.entity_type', 'r.entity_id', 'r.claim_id', 'r.revision', 'r.action', 'r.reason', 'r.diff', 'r.created_at'])
            // A creation's changes are made from its snapshot (revisionDiff); no other entry's is read.
            .select((eb) => eb.case().when('r.revision', '=', 1).then(eb.ref('r.snapshot')).else(null).end().as('snapshot'))
            .where((eb) =>
              eb.or([
                eb.and([eb('r.entity_type', 'in', ['claim', 'confidence_note']), publicClaim('c')]),
                eb.and([eb('r.entity_type', '=', 'evidence'), eb('e.status', '=', 'accepted'), publicClaim('c')]),
                eb.and([eb('r.entity_type', '=', 'source'), eb('s.status', '=', 'accepted')]),
              ]),
            );
          if (after !== null) q = q.where('r.id', '>', after as number);
          return q.orderBy('r.id').limit(BATCH).execute();
        }, 'id')) {
          const shown = PUBLIC_REVISION_FIELDS[r.entity_type]!;
          const diff = revisionDiff(r);
          const changes = Object.fromEntries(Object.entries(diff).filter(([f]) => shown.has(f)));
          yield { id: r.id, entity_type: r.entity_type, entity_id: r.entity_id, claim_id: r.claim_id, revision: r.revision, action: r.action, reason: r.reason, changes, created_at: r.created_at };
        }
      })();
    default:
      throw new Error(`no open-data table ${table}`);
  }
}

/** One CSV field (RFC 4180): JSON for lists and objects, empty for null. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function write(stream: fs.WriteStream, chunk: string): Promise<void> {
  return stream.write(chunk) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve()));
}

function close(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function exportTable(db: Db, table: TableSpec, dir: string): Promise<number> {
  const jsonl = fs.createWriteStream(path.join(dir, `${table.name}.jsonl`));
  const csv = fs.createWriteStream(path.join(dir, `${table.name}.csv`));
  const names = table.columns.map((c) => c.name);
  await write(csv, `${names.join(',')}\r\n`);
  let count = 0;
  for await (const row of rowsOf(db, table.name)) {
    const ordered = Object.fromEntries(names.map((k) => [k, row[k] ?? null]));
    await write(jsonl, `${JSON.stringify(ordered)}\n`);
    await write(csv, `${names.map((k) => csvField(ordered[k])).join(',')}\r\n`);
    count++;
  }
  await close(jsonl);
  await close(csv);
  return count;
}

function renderDictionary(generatedAt: string): string {
  const lines = [
    '# Claim Ledger open data: data dictionary',
    '',
    `Generated ${generatedAt}. Each table is in two files with the same rows: \`{table}.jsonl\` (JSON Lines, one object per line) and \`{table}.csv\` (RFC 4180, UTF-8, header row; lists and objects as JSON text; empty = null). Licence: ${OPEN_DATA_LICENCE.name}, see LICENCE.txt.`,
    '',
    '## Verdict scale',
    '',
    '| verdict | label | schema.org ratingValue (1–5) | meaning |',
    '|---|---|---|---|',
    ...VERDICTS.map((v) => `| ${v} | ${VERDICT_SCALE[v].label} | ${VERDICT_SCALE[v].ratingValue ?? '—'} | ${VERDICT_SCALE[v].meaning} |`),
  ];
  for (const t of OPEN_DATA_TABLES) {
    lines.push('', `## ${t.name}`, '', t.description, '', '| column | type | description |', '|---|---|---|');
    for (const c of t.columns) lines.push(`| ${c.name} | ${c.type} | ${c.description} |`);
  }
  return `${lines.join('\n')}\n`;
}

function describeFile(dir: string, name: string, rows?: number): OpenDataFile {
  const buf = fs.readFileSync(path.join(dir, name));
  return { name, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), ...(rows !== undefined ? { rows } : {}) };
}

/**
 * `claims export --open`: writes the public dataset into `dir` (JSON Lines and CSV per table, the
 * data dictionary, the licence and a manifest with sizes and checksums). It is written into a
 * fresh folder beside `dir` and swapped in at the end: a failed export leaves the previous one.
 */
export async function writeOpenDataset(db: Db, dir: string, now = new Date()): Promise<OpenDataManifest> {
  const generatedAt = now.toISOString();
  const staging = `${dir.replace(/\/+$/, '')}.staging-${process.pid}-${now.getTime()}`;
  fs.mkdirSync(staging, { recursive: true });
  try {
    const dataVersion = await getDataVersion(db);
    const files: OpenDataFile[] = [];
    for (const table of OPEN_DATA_TABLES) {
      const rows = await exportTable(db, table, staging);
      files.push(describeFile(staging, `${table.name}.jsonl`, rows), describeFile(staging, `${table.name}.csv`, rows));
    }
    fs.writeFileSync(path.join(staging, 'data-dictionary.md'), renderDictionary(generatedAt));
    fs.writeFileSync(path.join(staging, 'LICENCE.txt'), OPEN_DATA_LICENCE.text);
    files.push(describeFile(staging, 'data-dictionary.md'), describeFile(staging, 'LICENCE.txt'));
    const manifest: OpenDataManifest = { generatedAt, dataVersion, licence: { name: OPEN_DATA_LICENCE.name, url: OPEN_DATA_LICENCE.url }, files };
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const old = `${staging}.old`;
    if (fs.existsSync(dir)) fs.renameSync(dir, old);
    fs.renameSync(staging, dir);
    fs.rmSync(old, { recursive: true, force: true });
    return manifest;
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
