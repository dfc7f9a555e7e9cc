import type { Kysely } from 'kysely';
import type { ClaimRow, Database, NewClaimRow } from '../../db/schema';
import { writeWithRevisions, type RevisionWriter } from '../history/revision-kernel';
import { syncSeedCaptures } from '../captures/seed';
import { syncSeed, type SeedReport } from '../seed/sync';
import type { Problem } from '../shared/problems';
import { checkClaimsAndSeed, type CheckOptions, type CheckTimings, type Corpus } from './check';
import { toSortKey } from '../shared/sort-key';
import { encodeFolderSnapshot } from './folder-snapshot';
import { claimText, type ParsedClaim } from './parse';
import { readClaimStates } from './ingest-state';
import type { Appearance } from './schema';
import { claimQuantityColumns } from '../numbers/columns';
import { citationFromSeed, type Citation } from '../sources/citations';

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  withdrawn: string[];
  seed: SeedReport;
  /** Claim files read and parsed in this run (the rest cost a stat). */
  parsed: number;
  /** Time spent in each step, in milliseconds; `writeMs` is the transaction. */
  timings: CheckTimings & { writeMs: number };
  ms: number;
}

export interface IngestOptions {
  now?: () => Date;
  /** Who the claim revisions name; `ingest` unless given. */
  actor?: string;
  /** Where a changed file comes from (e.g. its last git commit), recorded as the revision's reason. */
  provenanceOf?: (absolutePath: string) => string | null;
}

const CLAIM_COLUMNS = [
  'id', 'file_path', 'title', 'statement', 'original_lang', 'original_text', 'original_translation', 'claimant', 'verdict',
  'verdict_date', 'summary', 'quantity_value', 'quantity_low', 'quantity_high', 'quantity_unit', 'quantity_measure', 'quantity_as_of',
  'quantity_price_year', 'quantity_geography', 'quantity_basis', 'quantity_note',
  'body_mdx', 'body_tree', 'body_text', 'content_hash', 'status', 'is_withdrawn', 'withdrawn_at', 'ingested_at', 'updated_at', 'revision',
] as const satisfies ReadonlyArray<keyof ClaimRow>;

type StoredClaim = Pick<ClaimRow, (typeof CLAIM_COLUMNS)[number]>;

function claimRow(claim: ParsedClaim, at: string): NewClaimRow {
  const fm = claim.frontmatter;
  return {
    id: fm.id,
    file_path: claim.path,
    title: fm.title,
    statement: fm.statement,
    // The main passage; every passage is in claim_passage.
    original_lang: fm.original[0]!.lang,
    original_text: fm.original[0]!.text,
    original_translation: fm.original[0]!.translation,
    claimant: fm.claimant,
    verdict: fm.verdict,
    verdict_date: fm.verdict_date,
    summary: fm.summary,
    ...claimQuantityColumns(fm.quantity),
    body_mdx: claimText(claim, 'bodyMdx'),
    body_tree: claimText(claim, 'bodyTree'),
    body_text: claimText(claim, 'bodyText'),
    content_hash: claim.contentHash,
    status: fm.status,
    is_withdrawn: 0,
    withdrawn_at: null,
    ingested_at: at,
    updated_at: at,
  };
}

/** An appearance's own citations (null: it cites what its source's record cites), one per source. */
function ownCitations(a: Appearance): Citation[] | null {
  if (!a.cites) return null;
  const seen = new Set<string>();
  return a.cites.map(citationFromSeed).filter((c) => !seen.has(c.source) && !!seen.add(c.source));
}

/** One appearance as its revision snapshot records it (the same shape from the file and from the store). */
function appearanceContent(a: {
  source: string; date: string | null; note: string | null; cites: Citation[] | null;
  said: { lang: string; text: string; translation: string | null } | null;
  figure: { value: number | null; low: number | null; high: number | null; unit: string } | null;
}) {
  return { source: a.source, date: a.date, cites: a.cites, note: a.note, said: a.said, figure: a.figure };
}

function appearanceFromFile(a: Appearance) {
  return appearanceContent({
    source: a.source,
    date: a.date ?? null,
    note: a.note ?? null,
    cites: ownCitations(a),
    said: a.said ? { lang: a.said.lang, text: a.said.text, translation: a.said.translation ?? null } : null,
    figure: a.figure ? { value: a.figure.value ?? null, low: a.figure.low ?? null, high: a.figure.high ?? null, unit: a.figure.unit } : null,
  });
}

/** The parts of a claim file kept in child tables, as its revision snapshot records them. */
function contentOfFile(claim: ParsedClaim) {
  const fm = claim.frontmatter;
  return {
    topics: [...new Set(fm.topics)],
    appearances: fm.appearances.map(appearanceFromFile),
    related: fm.related.map((r) => ({ id: r.id, relation: r.relation })),
    passages: fm.original.map((p) => ({ lang: p.lang, text: p.text, translation: p.translation, locator: p.locator ?? null })),
  };
}

async function readStoredContent(trx: Kysely<Database>, id: string) {
  const topics = await trx.selectFrom('claim_topic').select('topic').where('claim_id', '=', id).orderBy('topic').execute();
  const appearances = await trx.selectFrom('claim_appearance').selectAll().where('claim_id', '=', id).orderBy('position').execute();
  const cites = await trx.selectFrom('appearance_cite').selectAll().where('claim_id', '=', id).orderBy('position').execute();
  const related = await trx.selectFrom('claim_link').select(['to_claim_id', 'relation']).where('from_claim_id', '=', id).execute();
  const passages = await trx.selectFrom('claim_passage').select(['lang', 'text', 'translation', 'locator']).where('claim_id', '=', id).orderBy('position').execute();
  return {
    topics: topics.map((t) => t.topic),
    appearances: appearances.map((a) =>
      appearanceContent({
        source: a.source_id,
        date: a.date,
        note: a.note,
        cites: a.cites_own
          ? cites.filter((c) => c.position === a.position).map((c) => ({ source: c.cited_source_id, basis: c.basis, locator: c.locator, inferred_by: c.inferred_by, note: c.note }))
          : null,
        said: a.said_lang && a.said_text ? { lang: a.said_lang, text: a.said_text, translation: a.said_translation } : null,
        figure: a.figure_unit ? { value: a.figure_value, low: a.figure_low, high: a.figure_high, unit: a.figure_unit } : null,
      }),
    ),
    related: related.map((r) => ({ id: r.to_claim_id, relation: r.relation })),
    passages,
  };
}

const CHUNK = 200;

async function insertChunked<T>(rows: T[], insert: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Replaces the rows derived from claim files' lists (topics, appearances, links, body references), many claims at once. */
async function writeClaimChildren(trx: Kysely<Database>, claims: ParsedClaim[], replace: boolean): Promise<void> {
  if (claims.length === 0) return;
  if (replace) {
    for (let i = 0; i < claims.length; i += CHUNK) {
      const ids = claims.slice(i, i + CHUNK).map((c) => c.frontmatter.id);
      await trx.deleteFrom('claim_topic').where('claim_id', 'in', ids).execute();
      await trx.deleteFrom('appearance_cite').where('claim_id', 'in', ids).execute();
      await trx.deleteFrom('claim_appearance').where('claim_id', 'in', ids).execute();
      await trx.deleteFrom('claim_link').where('from_claim_id', 'in', ids).execute();
      await trx.deleteFrom('claim_body_ref').where('claim_id', 'in', ids).execute();
      await trx.deleteFrom('claim_passage').where('claim_id', 'in', ids).execute();
    }
  }
  // Written with the list keys the derived state gives them (a claim in a file is listed unless a draft), so its refresh has nothing to redo.
  const topics = claims.flatMap((c) =>
    [...new Set(c.frontmatter.topics)].map((topic) => ({ claim_id: c.frontmatter.id, topic, listed: (c.frontmatter.status === 'draft' ? 0 : 1) as 0 | 1, sort_title: toSortKey(c.frontmatter.title) })),
  );
  const appearances = claims.flatMap((c) =>
    c.frontmatter.appearances.map((a, position) => ({
      claim_id: c.frontmatter.id,
      position,
      source_id: a.source,
      date: a.date ?? null,
      note: a.note ?? null,
      cites_own: (a.cites ? 1 : 0) as 0 | 1,
      said_lang: a.said?.lang ?? null,
      said_text: a.said?.text ?? null,
      said_translation: a.said?.translation ?? null,
      figure_value: a.figure?.value ?? null,
      figure_low: a.figure?.low ?? null,
      figure_high: a.figure?.high ?? null,
      figure_unit: a.figure?.unit ?? null,
    })),
  );
  const cites = claims.flatMap((c) =>
    c.frontmatter.appearances.flatMap((a, position) =>
      (ownCitations(a) ?? []).map((cite) => ({
        claim_id: c.frontmatter.id,
        position,
        cited_source_id: cite.source,
        basis: cite.basis,
        locator: cite.locator,
        inferred_by: cite.inferred_by,
        note: cite.note,
      })),
    ),
  );
  const links = claims.flatMap((c) => {
    const unique = new Map(c.frontmatter.related.map((r) => [`${r.id}\u0000${r.relation}`, r]));
    return [...unique.values()].map((r) => ({ from_claim_id: c.frontmatter.id, to_claim_id: r.id, relation: r.relation }));
  });
  const refs = claims.flatMap((c) => {
    const unique = new Map(c.references.map((r) => [`${r.kind}\u0000${r.id}`, r]));
    return [...unique.values()].map((r) => ({ claim_id: c.frontmatter.id, target_kind: r.kind, target_id: r.id }));
  });
  await insertChunked(topics, (part) => trx.insertInto('claim_topic').values(part).execute());
  await insertChunked(appearances, (part) => trx.insertInto('claim_appearance').values(part).execute());
  await insertChunked(cites, (part) => trx.insertInto('appearance_cite').values(part).execute());
  await insertChunked(links, (part) => trx.insertInto('claim_link').values(part).execute());
  await insertChunked(refs, (part) => trx.insertInto('claim_body_ref').values(part).execute());
  const passages = claims.flatMap((c) =>
    c.frontmatter.original.map((p, position) => ({ claim_id: c.frontmatter.id, position, lang: p.lang, text: p.text, translation: p.translation, locator: p.locator ?? null })),
  );
  await insertChunked(passages, (part) => trx.insertInto('claim_passage').values(part).execute());
}

async function writeClaims(w: RevisionWriter, corpus: Corpus, options: IngestOptions, report: Omit<IngestReport, 'seed' | 'parsed' | 'timings' | 'ms'>, dataVersionAtStart: number | null): Promise<void> {
  const { trx, at } = w;
  const pathOf = new Map(corpus.files.filter((f) => f.claimId).map((f) => [f.claimId!, f.path]));
  const reasonFor = (id: string) => {
    const file = pathOf.get(id);
    return file ? options.provenanceOf?.(file) ?? null : null;
  };
  const ids = corpus.claims.map((c) => c.frontmatter.id);
  const existing = new Map<string, StoredClaim>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await trx.selectFrom('claim').select(CLAIM_COLUMNS).where('id', 'in', ids.slice(i, i + 500)).execute()) existing.set(r.id, r);
  }
  const added: ParsedClaim[] = [];
  const changed: ParsedClaim[] = [];
  for (const claim of corpus.claims) {
    const id = claim.frontmatter.id;
    const row = existing.get(id);
    if (row && row.content_hash === claim.contentHash && row.is_withdrawn === 0) continue; // re-read, same content
    if (!row) {
      added.push(claim);
      continue;
    }
    const { id: _id, ingested_at: _ingested, ...changes } = claimRow(claim, at);
    const content = contentOfFile(claim);
    await w.update('claim', row, changes, {
      action: row.is_withdrawn ? 'reinstate' : 'update',
      reason: reasonFor(id),
      snapshotExtra: () => content,
      snapshotExtraBefore: await readStoredContent(trx, id),
    });
    changed.push(claim);
  }
  // New claims in bulk; their snapshot carries their lists.
  const contentById = new Map(added.map((c) => [c.frontmatter.id, contentOfFile(c)]));
  for (let i = 0; i < added.length; i += 500) {
    const part = added.slice(i, i + 500);
    const byReason = new Map<string | null, ParsedClaim[]>();
    for (const c of part) {
      const reason = reasonFor(c.frontmatter.id);
      byReason.set(reason, [...(byReason.get(reason) ?? []), c]);
    }
    for (const [reason, claims] of byReason) {
      await w.insertMany('claim', claims.map((c) => claimRow(c, at)), { action: 'create', reason, snapshotExtra: (row) => contentById.get(row.id as string) ?? {} });
    }
  }
  await writeClaimChildren(trx, added, false);
  await writeClaimChildren(trx, changed, true);
  report.added.push(...added.map((c) => c.frontmatter.id));
  report.updated.push(...changed.map((c) => c.frontmatter.id));

  // A claim whose file is gone is withdrawn, never deleted: its URL keeps resolving. The
  // check's read of the claims is current if nothing was written since (a read of every id
  // is a tenth of a second at 100,000 claims); the claims this run wrote are all present.
  const states = corpus.storedClaims?.dataVersion === dataVersionAtStart ? corpus.storedClaims.claims : await readClaimStates(trx);
  const gone = [...states].filter(([id, c]) => !c.withdrawn && !corpus.presentClaimIds.has(id)).map(([id]) => id);
  for (const id of gone) {
    const row = await trx.selectFrom('claim').select(CLAIM_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
    await w.update('claim', row, { is_withdrawn: 1, withdrawn_at: at }, { action: 'withdraw', reason: 'its claim file is gone' });
    report.withdrawn.push(row.id);
  }
  const touched = new Set([...report.added, ...report.updated]);
  report.unchanged.push(...[...corpus.presentClaimIds].filter((id) => !touched.has(id)).sort());
}

/** The file index: what this run read, so the next one can skip what did not change. */
async function writeFileIndex(trx: Kysely<Database>, corpus: Corpus): Promise<void> {
  const rows = corpus.files.map((f) => ({ path: f.path, size: f.size, mtime_ms: f.mtimeMs, content_hash: f.contentHash, claim_id: f.claimId, defines: f.defines ? JSON.stringify(f.defines) : null }));
  await insertChunked(rows, (part) =>
    trx
      .insertInto('ingest_file')
      .values(part)
      .onConflict((oc) =>
        oc.column('path').doUpdateSet((eb) => ({
          size: eb.ref('excluded.size'),
          mtime_ms: eb.ref('excluded.mtime_ms'),
          content_hash: eb.ref('excluded.content_hash'),
          claim_id: eb.ref('excluded.claim_id'),
          defines: eb.ref('excluded.defines'),
        })),
      )
      .execute(),
  );
  for (let i = 0; i < corpus.removedPaths.length; i += 500) {
    await trx.deleteFrom('ingest_file').where('path', 'in', corpus.removedPaths.slice(i, i + 500)).execute();
  }
  if (corpus.folder.changed) {
    const bytes = encodeFolderSnapshot(corpus.folder.snapshot);
    // A Buffer: both drivers bind it as a blob (node-postgres would send a bare Uint8Array as an array).
    const snapshot = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await trx
      .insertInto('ingest_folder')
      .values({ path: corpus.folder.path, snapshot })
      .onConflict((oc) => oc.column('path').doUpdateSet({ snapshot }))
      .execute();
  }
  // Another folder's snapshot is stale now: this ingest changed or withdrew claims its files
  // define, and an ingest of it must read every file again (ingest-state.ts).
  await trx.deleteFrom('ingest_folder').where('path', '<>', corpus.folder.path).execute();
}

function emptySeedReport(): SeedReport {
  const empty = () => ({ added: [], updated: [], unchanged: [], 'kept-edited': [], 'kept-user-row': [], 'kept-append-only': [] });
  return { sources: empty(), evidence: empty(), notes: empty() };
}

/**
 * Syncs a checked corpus into the store in one transaction: sources first (claims point at
 * them), then the changed claims, withdrawals, evidence and confidence notes, then the file
 * index. Each claim change is a revision. A claim whose file is gone is withdrawn, never deleted.
 */
export async function ingestCorpus(db: Kysely<Database>, corpus: Corpus, options: IngestOptions = {}): Promise<IngestReport> {
  const started = performance.now();
  const at = (options.now?.() ?? new Date()).toISOString();
  const report = await writeWithRevisions(db, { actor: options.actor ?? 'ingest', at }, async (w) => {
    const dataVersionAtStart = await w.dataVersionBeforeWrites();
    const report: Omit<IngestReport, 'seed' | 'parsed' | 'timings' | 'ms'> = { added: [], updated: [], unchanged: [], withdrawn: [] };
    const seed = emptySeedReport();
    if (corpus.sources) seed.sources = (await syncSeed(w, { sources: corpus.sources.items, evidence: [], notes: [] })).sources;
    await writeClaims(w, corpus, options, report, dataVersionAtStart);
    // After the claims: the capture re-anchors the quotes of the claims just written.
    const captures = await syncSeedCaptures(w, corpus.captures ?? []);
    if (corpus.evidence || corpus.notes) {
      const rest = await syncSeed(w, { sources: [], evidence: corpus.evidence?.items ?? [], notes: corpus.notes?.items ?? [] });
      seed.evidence = rest.evidence;
      seed.notes = rest.notes;
    }
    await writeFileIndex(w.trx, corpus);
    const seedWrites = captures.length > 0 || [seed.sources, seed.evidence, seed.notes].some((o) => o.added.length + o.updated.length > 0);
    if (report.added.length + report.updated.length + report.withdrawn.length > 0 || seedWrites) {
      await w.trx
        .insertInto('ingest_run')
        .values({
          started_at: at,
          finished_at: new Date().toISOString(),
          added: report.added.length,
          updated: report.updated.length,
          unchanged: report.unchanged.length,
          withdrawn: report.withdrawn.length,
          report: JSON.stringify({ added: report.added, updated: report.updated, withdrawn: report.withdrawn, seed }),
        })
        .execute();
    }
    return { ...report, seed };
  });
  const writeMs = performance.now() - started;
  return { ...report, parsed: corpus.parsed, timings: { ...corpus.timings, writeMs }, ms: writeMs };
}

export type RunIngestResult = { ok: true; report: IngestReport } | { ok: false; problems: Problem[] };

/** Check (incrementally, against this store), then ingest. If the check finds any problem, nothing is written. */
export async function runIngest(db: Kysely<Database>, options: Omit<CheckOptions, 'store'> & IngestOptions): Promise<RunIngestResult> {
  const result = await checkClaimsAndSeed({ ...options, store: db });
  if (!result.ok) return result;
  return { ok: true, report: await ingestCorpus(db, result.corpus, options) };
}
