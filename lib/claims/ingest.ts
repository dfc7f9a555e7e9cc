import type { Kysely } from 'kysely';
import type { Database, NewClaimRow } from '../../db/schema';
import { withWriteTransaction } from '../../db/transaction';
import { bumpDataVersion } from '../history/revisions';
import { syncSeed, type SeedReport } from '../seed/sync';
import type { Problem } from '../shared/problems';
import { checkClaimsAndSeed, type CheckOptions } from './check';
import type { ParsedClaim } from './parse';
import type { Corpus } from './validate';

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  withdrawn: string[];
  seed: SeedReport;
  ms: number;
}

function claimRow(claim: ParsedClaim, at: string): NewClaimRow {
  const fm = claim.frontmatter;
  return {
    id: fm.id,
    file_path: claim.path,
    title: fm.title,
    statement: fm.statement,
    original_lang: fm.original.lang,
    original_text: fm.original.text,
    original_translation: fm.original.translation,
    claimant: fm.claimant,
    verdict: fm.verdict,
    verdict_date: fm.verdict_date,
    quantity_value: fm.quantity?.value ?? null,
    quantity_low: fm.quantity?.low ?? null,
    quantity_high: fm.quantity?.high ?? null,
    quantity_unit: fm.quantity?.unit ?? null,
    quantity_measure: fm.quantity?.measure ?? null,
    quantity_as_of: fm.quantity?.as_of ?? null,
    body_mdx: claim.bodyMdx,
    body_tree: JSON.stringify(claim.body.tree),
    body_text: claim.body.text,
    content_hash: claim.contentHash,
    is_withdrawn: 0,
    withdrawn_at: null,
    ingested_at: at,
    updated_at: at,
  };
}

/** Replaces the rows derived from a claim file's lists (topics, appearances, links). */
async function writeClaimChildren(trx: Kysely<Database>, claim: ParsedClaim): Promise<void> {
  const fm = claim.frontmatter;
  await trx.deleteFrom('claim_topic').where('claim_id', '=', fm.id).execute();
  await trx.deleteFrom('appearance_cite').where('claim_id', '=', fm.id).execute();
  await trx.deleteFrom('claim_appearance').where('claim_id', '=', fm.id).execute();
  await trx.deleteFrom('claim_link').where('from_claim_id', '=', fm.id).execute();
  const topics = [...new Set(fm.topics)];
  if (topics.length) await trx.insertInto('claim_topic').values(topics.map((topic) => ({ claim_id: fm.id, topic }))).execute();
  if (fm.appearances.length) {
    await trx
      .insertInto('claim_appearance')
      .values(fm.appearances.map((a, position) => ({ claim_id: fm.id, position, source_id: a.source, date: a.date ?? null, note: a.note ?? null })))
      .execute();
    const cites = fm.appearances.flatMap((a, position) => [...new Set(a.cites)].map((c) => ({ claim_id: fm.id, position, cited_source_id: c })));
    if (cites.length) await trx.insertInto('appearance_cite').values(cites).execute();
  }
  const links = new Map(fm.related.map((r) => [`${r.id}\u0000${r.relation}`, r]));
  if (links.size) {
    await trx
      .insertInto('claim_link')
      .values([...links.values()].map((r) => ({ from_claim_id: fm.id, to_claim_id: r.id, relation: r.relation })))
      .execute();
  }
}

/**
 * Syncs a checked corpus into the store in one transaction: sources first (claims
 * point at them), then claims by content hash, then evidence and confidence notes.
 * A claim whose file is gone is marked withdrawn, never deleted.
 */
export async function ingestCorpus(db: Kysely<Database>, corpus: Corpus, options: { now?: () => Date } = {}): Promise<IngestReport> {
  const started = performance.now();
  const at = (options.now?.() ?? new Date()).toISOString();
  return withWriteTransaction(db, async (trx) => {
    const report: Omit<IngestReport, 'seed' | 'ms'> = { added: [], updated: [], unchanged: [], withdrawn: [] };
    // Sources must exist before claims reference them; evidence needs claims: sync in two steps.
    const seedSources = await syncSeed(trx, { sources: corpus.sources.items, evidence: [], notes: [] }, at);

    const existing = new Map(
      (await trx.selectFrom('claim').select(['id', 'content_hash', 'is_withdrawn']).execute()).map((r) => [r.id, r]),
    );
    for (const claim of corpus.claims) {
      const id = claim.frontmatter.id;
      const row = existing.get(id);
      if (row && row.content_hash === claim.contentHash && row.is_withdrawn === 0) {
        report.unchanged.push(id);
        continue;
      }
      const values = claimRow(claim, at);
      if (row) {
        const { id: _id, ingested_at: _ingested, ...changes } = values;
        await trx.updateTable('claim').set(changes).where('id', '=', id).execute();
        report.updated.push(id);
      } else {
        await trx.insertInto('claim').values(values).execute();
        report.added.push(id);
      }
      await writeClaimChildren(trx, claim);
    }

    const present = new Set(corpus.claims.map((c) => c.frontmatter.id));
    for (const [id, row] of existing) {
      if (!present.has(id) && row.is_withdrawn === 0) {
        await trx.updateTable('claim').set({ is_withdrawn: 1, withdrawn_at: at, updated_at: at }).where('id', '=', id).execute();
        report.withdrawn.push(id);
      }
    }

    const seedRest = await syncSeed(trx, { sources: [], evidence: corpus.evidence.items, notes: corpus.notes.items }, at);
    const seed: SeedReport = { sources: seedSources.sources, evidence: seedRest.evidence, notes: seedRest.notes };

    const seedWrites = [seed.sources, seed.evidence, seed.notes].some((o) => o.added.length + o.updated.length > 0);
    if (report.added.length + report.updated.length + report.withdrawn.length > 0 || seedWrites) {
      await trx
        .insertInto('ingest_run')
        .values({
          started_at: at,
          finished_at: new Date().toISOString(),
          added: report.added.length,
          updated: report.updated.length,
          unchanged: report.unchanged.length,
          withdrawn: report.withdrawn.length,
          report: JSON.stringify({ ...report, seed }),
        })
        .execute();
      await bumpDataVersion(trx, at);
    }
    return { ...report, seed, ms: performance.now() - started };
  });
}

export type RunIngestResult = { ok: true; report: IngestReport } | { ok: false; problems: Problem[] };

/** Check, then ingest. If the check finds any problem, nothing is written. */
export async function runIngest(db: Kysely<Database>, options: CheckOptions & { now?: () => Date }): Promise<RunIngestResult> {
  const result = await checkClaimsAndSeed(options);
  if (!result.ok) return result;
  return { ok: true, report: await ingestCorpus(db, result.corpus, { now: options.now }) };
}
