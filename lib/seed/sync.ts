import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ConfidenceNoteSeed } from '../confidence/schema';
import type { EvidenceSeed } from '../evidence/schema';
import { recordRevision } from '../history/revisions';
import type { SourceSeed } from '../sources/schema';
import { hashContent } from '../shared/hash';

export const SEED_ACTOR = 'seed';

/** What happened to one seed record during a sync. */
export type SeedOutcome = 'added' | 'updated' | 'unchanged' | 'kept-edited' | 'kept-user-row' | 'kept-append-only';

export interface SeedReport {
  sources: Record<SeedOutcome, string[]>;
  evidence: Record<SeedOutcome, string[]>;
  notes: Record<SeedOutcome, string[]>;
}

function emptyOutcomes(): Record<SeedOutcome, string[]> {
  return { added: [], updated: [], unchanged: [], 'kept-edited': [], 'kept-user-row': [], 'kept-append-only': [] };
}

// The fields a person can change through the site or API. A row whose fields still
// hash to the seed_hash stored at the last seed write has not been touched since.
function sourceContent(r: {
  title: string; publisher: string | null; authors: string; published: string | null; url: string | null;
  copies: string; accessed: string | null; type: string; lang: string; reliability: string;
  reliability_reason: string; is_verified: 0 | 1; cites: string; merged_into: string | null;
}) {
  return {
    title: r.title, publisher: r.publisher, authors: r.authors, published: r.published, url: r.url,
    copies: r.copies, accessed: r.accessed, type: r.type, lang: r.lang, reliability: r.reliability,
    reliability_reason: r.reliability_reason, is_verified: r.is_verified, cites: r.cites, merged_into: r.merged_into,
  };
}

function evidenceContent(r: {
  claim_id: string; source_id: string; stance: string; target: string; excerpt: string; lang: string;
  translation: string | null; locator: string | null; value: number | null; unit: string | null;
  as_of: string | null; note: string | null; author: string; created_at: string; status: string;
  retracted_at: string | null;
}) {
  return {
    claim_id: r.claim_id, source_id: r.source_id, stance: r.stance, target: r.target, excerpt: r.excerpt,
    lang: r.lang, translation: r.translation, locator: r.locator, value: r.value, unit: r.unit, as_of: r.as_of,
    note: r.note, author: r.author, created_at: r.created_at, status: r.status, retracted_at: r.retracted_at,
  };
}

function noteContent(r: {
  claim_id: string; confidence: number | null; verdict: string | null; reason: string; evidence_ids: string;
  author: string; created_at: string;
}) {
  return {
    claim_id: r.claim_id, confidence: r.confidence, verdict: r.verdict, reason: r.reason,
    evidence_ids: r.evidence_ids, author: r.author, created_at: r.created_at,
  };
}

const hashOf = (content: object) => hashContent(JSON.stringify(content));

export function sourceSeedToContent(s: SourceSeed) {
  return sourceContent({
    title: s.title, publisher: s.publisher, authors: JSON.stringify(s.authors), published: s.published, url: s.url,
    copies: JSON.stringify(s.copies), accessed: s.accessed, type: s.type, lang: s.lang, reliability: s.reliability,
    reliability_reason: s.reliability_reason, is_verified: s.verified ? 1 : 0, cites: JSON.stringify(s.cites), merged_into: null,
  });
}

export function evidenceSeedToContent(e: EvidenceSeed) {
  return evidenceContent({
    claim_id: e.claim, source_id: e.source, stance: e.stance, target: e.target, excerpt: e.excerpt, lang: e.lang,
    translation: e.translation, locator: e.locator, value: e.value, unit: e.unit, as_of: e.as_of, note: e.note,
    author: e.author, created_at: e.created_at, status: 'accepted', retracted_at: null,
  });
}

export function noteSeedToContent(n: ConfidenceNoteSeed) {
  return noteContent({
    claim_id: n.claim, confidence: n.confidence, verdict: n.verdict, reason: n.reason,
    evidence_ids: JSON.stringify(n.evidence), author: n.author, created_at: n.created_at,
  });
}

/**
 * Syncs seed records into the store. A record that is absent is inserted; one that
 * still equals the previous seed version is updated; one edited or retracted through
 * the site or API since is left alone and reported. Every write is a revision by the seed.
 * Rows created by people (origin 'user') are never touched.
 */
export async function syncSeed(
  trx: Kysely<Database>,
  seed: { sources: SourceSeed[]; evidence: EvidenceSeed[]; notes: ConfidenceNoteSeed[] },
  at: string,
): Promise<SeedReport> {
  const report: SeedReport = { sources: emptyOutcomes(), evidence: emptyOutcomes(), notes: emptyOutcomes() };

  const existingSources = new Map((await trx.selectFrom('source').selectAll().execute()).map((r) => [r.id, r]));
  for (const s of seed.sources) {
    const content = sourceSeedToContent(s);
    const seedHash = hashOf(content);
    const row = existingSources.get(s.id);
    if (!row) {
      const inserted = { id: s.id, ...content, origin: 'seed' as const, seed_hash: seedHash, revision: 1, created_by: SEED_ACTOR, created_at: at, updated_at: at };
      await trx.insertInto('source').values(inserted).execute();
      await recordRevision(trx, { entityType: 'source', entityId: s.id, revision: 1, action: 'create', before: null, after: inserted, actor: SEED_ACTOR, at });
      report.sources.added.push(s.id);
      continue;
    }
    if (row.origin !== 'seed') { report.sources['kept-user-row'].push(s.id); continue; }
    const currentHash = hashOf(sourceContent(row));
    if (currentHash === seedHash) { report.sources.unchanged.push(s.id); continue; }
    if (currentHash !== row.seed_hash) { report.sources['kept-edited'].push(s.id); continue; }
    const updated = { ...row, ...content, seed_hash: seedHash, revision: row.revision + 1, updated_at: at };
    await trx.updateTable('source').set({ ...content, seed_hash: seedHash, revision: updated.revision, updated_at: at }).where('id', '=', s.id).execute();
    await recordRevision(trx, { entityType: 'source', entityId: s.id, revision: updated.revision, action: 'update', before: row, after: updated, actor: SEED_ACTOR, reason: `seed revision ${s.seed_revision}`, at });
    report.sources.updated.push(s.id);
  }

  const ids = seed.evidence.map((e) => e.id);
  const existingEvidence = new Map(
    ids.length ? (await trx.selectFrom('evidence').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]) : [],
  );
  for (const e of seed.evidence) {
    const content = evidenceSeedToContent(e);
    const seedHash = hashOf(content);
    const row = existingEvidence.get(e.id);
    if (!row) {
      const inserted = { id: e.id, ...content, retracted_reason: null, origin: 'seed' as const, seed_hash: seedHash, revision: 1, updated_at: e.created_at };
      await trx.insertInto('evidence').values(inserted).execute();
      await recordRevision(trx, { entityType: 'evidence', entityId: e.id, revision: 1, action: 'create', before: null, after: inserted, actor: SEED_ACTOR, at });
      report.evidence.added.push(e.id);
      continue;
    }
    if (row.origin !== 'seed') { report.evidence['kept-user-row'].push(e.id); continue; }
    const currentHash = hashOf(evidenceContent(row));
    if (currentHash === seedHash) { report.evidence.unchanged.push(e.id); continue; }
    if (currentHash !== row.seed_hash) { report.evidence['kept-edited'].push(e.id); continue; }
    const updated = { ...row, ...content, seed_hash: seedHash, revision: row.revision + 1, updated_at: at };
    await trx.updateTable('evidence').set({ ...content, seed_hash: seedHash, revision: updated.revision, updated_at: at }).where('id', '=', e.id).execute();
    await recordRevision(trx, { entityType: 'evidence', entityId: e.id, revision: updated.revision, action: 'update', before: row, after: updated, actor: SEED_ACTOR, reason: `seed revision ${e.seed_revision}`, at });
    report.evidence.updated.push(e.id);
  }

  const noteIds = seed.notes.map((n) => n.id);
  const existingNotes = new Map(
    noteIds.length ? (await trx.selectFrom('confidence_note').selectAll().where('id', 'in', noteIds).execute()).map((r) => [r.id, r]) : [],
  );
  for (const n of seed.notes) {
    const content = noteSeedToContent(n);
    const seedHash = hashOf(content);
    const row = existingNotes.get(n.id);
    if (!row) {
      const inserted = { id: n.id, ...content, origin: 'seed' as const, seed_hash: seedHash };
      await trx.insertInto('confidence_note').values(inserted).execute();
      await recordRevision(trx, { entityType: 'confidence_note', entityId: n.id, revision: 1, action: 'create', before: null, after: inserted, actor: SEED_ACTOR, at });
      report.notes.added.push(n.id);
      continue;
    }
    if (row.origin !== 'seed') { report.notes['kept-user-row'].push(n.id); continue; }
    // Confidence notes are append-only: a changed judgement is a new note with a new id.
    report.notes[hashOf(noteContent(row)) === seedHash ? 'unchanged' : 'kept-append-only'].push(n.id);
  }

  return report;
}
