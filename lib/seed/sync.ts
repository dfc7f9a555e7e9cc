import type { ConfidenceNoteRow, EvidenceRow, SourceContentRow } from '../../db/schema';
import type { ConfidenceNoteSeed } from '../confidence/schema';
import type { EvidenceSeed } from '../evidence/schema';
import type { RevisionWriter } from '../history/revision-kernel';
import type { SourceSeed } from '../sources/schema';
import { citationFromSeed, serializeCitations } from '../sources/citations';
import { SOURCE_CONTENT_COLUMNS } from '../sources/write';
import { hashContent } from '../shared/hash';
import { evidenceQuantityColumns } from '../numbers/columns';

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
  licence: string | null; text_public: 0 | 1;
}) {
  return {
    title: r.title, publisher: r.publisher, authors: r.authors, published: r.published, url: r.url,
    copies: r.copies, accessed: r.accessed, type: r.type, lang: r.lang, reliability: r.reliability,
    reliability_reason: r.reliability_reason, is_verified: r.is_verified, cites: r.cites, merged_into: r.merged_into,
    // Hashed only when set, so sources without a licence keep the hash they were seeded with.
    ...(r.licence !== null && { licence: r.licence }),
    ...(r.text_public === 1 && { text_public: 1 as const }),
  };
}

function evidenceContent(r: {
  claim_id: string; source_id: string; stance: string; target: string; excerpt: string; lang: string;
  translation: string | null; locator: string | null; value: number | null; unit: string | null;
  as_of: string | null; note: string | null; author: string; created_at: string; status: string;
  retracted_at: string | null; low: number | null; high: number | null; measure: string | null;
  price_year: number | null; geography: string | null; basis: string | null; figure_text: string | null;
}) {
  return {
    claim_id: r.claim_id, source_id: r.source_id, stance: r.stance, target: r.target, excerpt: r.excerpt,
    lang: r.lang, translation: r.translation, locator: r.locator, value: r.value, unit: r.unit, as_of: r.as_of,
    note: r.note, author: r.author, created_at: r.created_at, status: r.status, retracted_at: r.retracted_at,
    // The rest of the quantity (migration 0014), hashed only when set: rows without it keep their seed hash.
    ...Object.fromEntries(
      Object.entries({ low: r.low, high: r.high, measure: r.measure, price_year: r.price_year, geography: r.geography, basis: r.basis, figure_text: r.figure_text }).filter(([, v]) => v !== null),
    ),
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
    reliability_reason: s.reliability_reason, is_verified: s.verified ? 1 : 0, cites: serializeCitations(s.cites.map(citationFromSeed)), merged_into: null,
    licence: s.licence, text_public: s.text_public ? 1 : 0,
  });
}

export function evidenceSeedToContent(e: EvidenceSeed) {
  return evidenceContent({
    claim_id: e.claim, source_id: e.source, stance: e.stance, target: e.target, excerpt: e.excerpt, lang: e.lang,
    translation: e.translation, locator: e.locator, value: e.value, unit: e.unit, as_of: e.as_of, note: e.note,
    author: e.author, created_at: e.created_at, status: 'accepted', retracted_at: null,
    low: e.low, high: e.high, measure: e.measure, price_year: e.price_year, geography: e.geography, basis: e.basis, figure_text: null,
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
  w: RevisionWriter,
  seed: { sources: SourceSeed[]; evidence: EvidenceSeed[]; notes: ConfidenceNoteSeed[] },
): Promise<SeedReport> {
  const { trx, at } = w;
  const report: SeedReport = { sources: emptyOutcomes(), evidence: emptyOutcomes(), notes: emptyOutcomes() };
  const seedWrite = { actor: SEED_ACTOR };

  const sourceIds = seed.sources.map((s) => s.id);
  const existingSources = new Map<string, SourceContentRow>();
  for (const ids of chunked(sourceIds)) {
    for (const r of await trx.selectFrom('source').select(SOURCE_CONTENT_COLUMNS).where('id', 'in', ids).execute()) existingSources.set(r.id, r);
  }
  const newSources: SourceContentRow[] = [];
  for (const s of seed.sources) {
    const content = sourceSeedToContent(s);
    const seedHash = hashOf(content);
    const row = existingSources.get(s.id);
    if (!row) {
      newSources.push({ id: s.id, licence: null, text_public: 0, ...content, status: 'accepted', origin: 'seed', seed_hash: seedHash, revision: 1, created_by: SEED_ACTOR, created_at: at, updated_at: at });
      report.sources.added.push(s.id);
      continue;
    }
    if (row.origin !== 'seed') { report.sources['kept-user-row'].push(s.id); continue; }
    const currentHash = hashOf(sourceContent(row));
    if (currentHash === seedHash) { report.sources.unchanged.push(s.id); continue; }
    if (currentHash !== row.seed_hash) { report.sources['kept-edited'].push(s.id); continue; }
    await w.update('source', row, { licence: null, text_public: 0, ...content, seed_hash: seedHash }, { ...seedWrite, action: 'update', reason: `seed revision ${s.seed_revision}` });
    report.sources.updated.push(s.id);
  }
  await w.insertMany('source', newSources, { ...seedWrite, action: 'create' });

  const existingEvidence = new Map<string, EvidenceRow>();
  for (const ids of chunked(seed.evidence.map((e) => e.id))) {
    for (const r of await trx.selectFrom('evidence').selectAll().where('id', 'in', ids).execute()) existingEvidence.set(r.id, r);
  }
  const newEvidence: EvidenceRow[] = [];
  for (const e of seed.evidence) {
    const content = evidenceSeedToContent(e);
    const seedHash = hashOf(content);
    const row = existingEvidence.get(e.id);
    if (!row) {
      newEvidence.push({
        id: e.id, ...evidenceQuantityColumns(null), ...content, retracted_reason: null, origin: 'seed', seed_hash: seedHash, revision: 1, updated_at: e.created_at,
        proposed_by: null, reviewed_by: null, reviewed_at: null, review_reason: null,
      });
      report.evidence.added.push(e.id);
      continue;
    }
    if (row.origin !== 'seed') { report.evidence['kept-user-row'].push(e.id); continue; }
    const currentHash = hashOf(evidenceContent(row));
    if (currentHash === seedHash) { report.evidence.unchanged.push(e.id); continue; }
    if (currentHash !== row.seed_hash) { report.evidence['kept-edited'].push(e.id); continue; }
    await w.update('evidence', row, { ...evidenceQuantityColumns(null), ...content, seed_hash: seedHash }, { ...seedWrite, action: 'update', reason: `seed revision ${e.seed_revision}` });
    report.evidence.updated.push(e.id);
  }
  await w.insertMany('evidence', newEvidence, { ...seedWrite, action: 'create' });

  const existingNotes = new Map<string, ConfidenceNoteRow>();
  for (const ids of chunked(seed.notes.map((n) => n.id))) {
    for (const r of await trx.selectFrom('confidence_note').selectAll().where('id', 'in', ids).execute()) existingNotes.set(r.id, r);
  }
  const newNotes: ConfidenceNoteRow[] = [];
  for (const n of seed.notes) {
    const content = noteSeedToContent(n);
    const seedHash = hashOf(content);
    const row = existingNotes.get(n.id);
    if (!row) {
      newNotes.push({ id: n.id, ...content, origin: 'seed', seed_hash: seedHash });
      report.notes.added.push(n.id);
      continue;
    }
    if (row.origin !== 'seed') { report.notes['kept-user-row'].push(n.id); continue; }
    // Confidence notes are append-only: a changed judgement is a new note with a new id.
    report.notes[hashOf(noteContent(row)) === seedHash ? 'unchanged' : 'kept-append-only'].push(n.id);
  }
  await w.insertMany('confidence_note', newNotes, { ...seedWrite, action: 'create' });

  return report;
}

function chunked<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
