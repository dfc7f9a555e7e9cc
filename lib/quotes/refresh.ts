import type { Kysely } from 'kysely';
import type { Database, QuoteAnchorTable } from '../../db/schema';
import { hashContent } from '../shared/hash';
import { anchorQuote } from './anchor';
import { prepareText, type PreparedText } from './normalize';

/**
 * Quote anchors as derived state: for the claims a write touched, every quote they hold (the
 * claim file's passages, anchored in its first appearance's source, and each evidence excerpt,
 * anchored in the evidence's source) is anchored in the newest capture of that source, against
 * the capture before it. Called by the derived-state refresh inside the write's transaction;
 * never per request. An anchor whose inputs (quote, newest and previous capture) are unchanged
 * keeps its stored result, so a write that touches a claim for another reason reads no capture text.
 */

type Db = Kysely<Database>;

/** Bump when anchorQuote's rules change (with DERIVED_STATE_VERSION), so stored anchors are recomputed. */
const ANCHOR_RULES = '1';
const CHUNK = 300;

/** The statuses that make a quote need review: it is not in the capture as quoted. */
export const PROBLEM_STATUSES = ['orphan', 'fuzzy'] as const;

export const passageKey = (claimId: string, position: number) => `p:${claimId}:${position}`;
export const evidenceKey = (evidenceId: string) => `e:${evidenceId}`;

interface QuoteInput {
  key: string;
  claimId: string;
  sourceId: string;
  evidenceId: string | null;
  passagePosition: number | null;
  counts: 0 | 1;
  text: string;
}

interface CaptureRef {
  id: string;
  capturedAt: string;
}

function chunked<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The newest two captures of each source: what a quote is anchored in, and what it is compared with. */
async function loadCaptureRefs(trx: Db, sourceIds: string[]): Promise<Map<string, CaptureRef[]>> {
  const out = new Map<string, CaptureRef[]>();
  for (const part of chunked(sourceIds)) {
    const rows = await trx.selectFrom('capture').select(['id', 'source_id', 'seq', 'captured_at']).where('source_id', 'in', part).orderBy('source_id').orderBy('seq', 'desc').execute();
    for (const r of rows) {
      const list = out.get(r.source_id) ?? [];
      if (list.length < 2) list.push({ id: r.id, capturedAt: r.captured_at });
      out.set(r.source_id, list);
    }
  }
  return out;
}

async function loadQuotes(trx: Db, claimIds: string[]): Promise<QuoteInput[]> {
  const claims = await trx.selectFrom('claim').select(['id', 'is_withdrawn']).where('id', 'in', claimIds).execute();
  const live = new Map(claims.map((c) => [c.id, c.is_withdrawn === 0]));
  const firstSources = new Map<string, string>();
  for (const a of await trx.selectFrom('claim_appearance').select(['claim_id', 'source_id', 'position']).where('claim_id', 'in', claimIds).orderBy('claim_id').orderBy('position').execute()) {
    if (!firstSources.has(a.claim_id)) firstSources.set(a.claim_id, a.source_id);
  }
  const quotes: QuoteInput[] = [];
  for (const p of await trx.selectFrom('claim_passage').select(['claim_id', 'position', 'text']).where('claim_id', 'in', claimIds).execute()) {
    const sourceId = firstSources.get(p.claim_id);
    if (!sourceId || !live.has(p.claim_id)) continue;
    quotes.push({ key: passageKey(p.claim_id, p.position), claimId: p.claim_id, sourceId, evidenceId: null, passagePosition: p.position, counts: live.get(p.claim_id) ? 1 : 0, text: p.text });
  }
  const evidence = await trx.selectFrom('evidence').select(['id', 'claim_id', 'source_id', 'excerpt', 'status', 'retracted_at']).where('claim_id', 'in', claimIds).execute();
  for (const e of evidence) {
    const counts = e.status === 'accepted' && e.retracted_at === null && live.get(e.claim_id) ? 1 : 0;
    quotes.push({ key: evidenceKey(e.id), claimId: e.claim_id, sourceId: e.source_id, evidenceId: e.id, passagePosition: null, counts, text: e.excerpt });
  }
  return quotes;
}

type StoredAnchor = Pick<QuoteAnchorTable, 'quote_key' | 'basis' | 'counts' | 'claim_id'>;

/**
 * Re-anchors every quote of these claims whose inputs changed, and removes anchors of quotes
 * that are gone. `evidenceIds` are entries written without their claim changing otherwise (an
 * entry added, edited or retracted): only their own quotes are read and re-checked, so a write
 * to a claim with thousands of entries does not read them all.
 */
export async function refreshQuoteAnchors(trx: Db, claimIds: string[], evidenceIds: string[] = []): Promise<void> {
  const texts = new Map<string, PreparedText>();
  const claims = new Set(claimIds);
  for (const chunk of chunked(claimIds)) {
    const quotes = await loadQuotes(trx, chunk);
    // Only what decides whether an anchor is current: its text columns are read by pages, not here.
    const stored = new Map(
      (await trx.selectFrom('quote_anchor').select(['quote_key', 'basis', 'counts', 'claim_id']).where('claim_id', 'in', chunk).execute()).map((r) => [r.quote_key, r]),
    );
    await anchorQuotes(trx, quotes, stored, texts);
    // Quotes that are gone (a passage removed from the file): their anchors go with them.
    for (const part of chunked([...stored.keys()])) await trx.deleteFrom('quote_anchor').where('quote_key', 'in', part).execute();
  }
  for (const chunk of chunked(evidenceIds)) {
    const keys = chunk.map(evidenceKey);
    const stored = new Map(
      (await trx.selectFrom('quote_anchor').select(['quote_key', 'basis', 'counts', 'claim_id']).where('quote_key', 'in', keys).execute()).map((r) => [r.quote_key, r]),
    );
    // An entry of a claim refreshed in full above is already current.
    const quotes = (await loadEvidenceQuotes(trx, chunk)).filter((q) => !claims.has(q.claimId));
    await anchorQuotes(trx, quotes, stored, texts);
    // Left over: entries no longer in the store (and not those the full refresh just anchored in their new claim).
    const gone = [...stored.values()].filter((r) => !claims.has(r.claim_id)).map((r) => r.quote_key);
    if (gone.length) await trx.deleteFrom('quote_anchor').where('quote_key', 'in', gone).execute();
  }
}

async function loadEvidenceQuotes(trx: Db, evidenceIds: string[]): Promise<QuoteInput[]> {
  const rows = await trx
    .selectFrom('evidence as e')
    .innerJoin('claim as c', 'c.id', 'e.claim_id')
    .select(['e.id', 'e.claim_id', 'e.source_id', 'e.excerpt', 'e.status', 'e.retracted_at', 'c.is_withdrawn'])
    .where('e.id', 'in', evidenceIds)
    .execute();
  return rows.map((e) => ({
    key: evidenceKey(e.id),
    claimId: e.claim_id,
    sourceId: e.source_id,
    evidenceId: e.id,
    passagePosition: null,
    counts: e.status === 'accepted' && e.retracted_at === null && e.is_withdrawn === 0 ? 1 : 0,
    text: e.excerpt,
  }));
}

/**
 * Anchors each quote whose basis (its text and the captures it is checked against) changed,
 * updates the count flag of those whose basis did not; takes each from `stored` as it goes,
 * so what is left there has no quote any more.
 */
async function anchorQuotes(trx: Db, quotes: QuoteInput[], stored: Map<string, StoredAnchor>, texts: Map<string, PreparedText>): Promise<void> {
  const textOf = async (captureId: string): Promise<PreparedText> => {
    let prepared = texts.get(captureId);
    if (!prepared) {
      const row = await trx.selectFrom('capture_content').select('text').where('capture_id', '=', captureId).executeTakeFirstOrThrow();
      prepared = prepareText(row.text);
      texts.set(captureId, prepared);
    }
    return prepared;
  };
  const refs = await loadCaptureRefs(trx, [...new Set(quotes.map((q) => q.sourceId))]);
  const rows: QuoteAnchorTable[] = [];
  const recounted: { quote_key: string; counts: 0 | 1; claim_id: string }[] = [];
  for (const q of quotes) {
    const [newest, previous] = refs.get(q.sourceId) ?? [];
    const basis = hashContent(JSON.stringify([ANCHOR_RULES, q.sourceId, q.text, newest?.id ?? null, previous?.id ?? null]));
    const old = stored.get(q.key);
    stored.delete(q.key);
    if (old && old.basis === basis) {
      if (old.counts !== q.counts || old.claim_id !== q.claimId) recounted.push({ quote_key: q.key, counts: q.counts, claim_id: q.claimId });
      continue;
    }
    const result = anchorQuote(q.text, newest ? await textOf(newest.id) : null, { previous: previous ? await textOf(previous.id) : null });
    rows.push({
      quote_key: q.key,
      claim_id: q.claimId,
      source_id: q.sourceId,
      evidence_id: q.evidenceId,
      passage_position: q.passagePosition,
      counts: q.counts,
      status: result.status,
      capture_id: newest?.id ?? null,
      captured_at: newest?.capturedAt ?? null,
      exact: result.quote?.exact ?? null,
      prefix: result.quote?.prefix ?? null,
      suffix: result.quote?.suffix ?? null,
      start_pos: result.position?.start ?? null,
      end_pos: result.position?.end ?? null,
      distance: result.distance,
      occurrences: result.occurrences,
      basis,
    });
  }
  for (const part of chunked(rows, 100)) {
    await trx
      .insertInto('quote_anchor')
      .values(part)
      .onConflict((oc) =>
        oc.column('quote_key').doUpdateSet((eb) => ({
          claim_id: eb.ref('excluded.claim_id'), source_id: eb.ref('excluded.source_id'), evidence_id: eb.ref('excluded.evidence_id'),
          passage_position: eb.ref('excluded.passage_position'), counts: eb.ref('excluded.counts'), status: eb.ref('excluded.status'),
          capture_id: eb.ref('excluded.capture_id'), captured_at: eb.ref('excluded.captured_at'), exact: eb.ref('excluded.exact'),
          prefix: eb.ref('excluded.prefix'), suffix: eb.ref('excluded.suffix'), start_pos: eb.ref('excluded.start_pos'), end_pos: eb.ref('excluded.end_pos'),
          distance: eb.ref('excluded.distance'), occurrences: eb.ref('excluded.occurrences'), basis: eb.ref('excluded.basis'),
        })),
      )
      .execute();
  }
  for (const r of recounted) {
    await trx.updateTable('quote_anchor').set({ counts: r.counts, claim_id: r.claim_id }).where('quote_key', '=', r.quote_key).execute();
  }
}

/** How many counted quotes of each claim are orphaned or only approximate. */
export async function countQuoteProblems(trx: Db, claimIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunked(claimIds)) {
    const rows = await trx
      .selectFrom('quote_anchor')
      .select((eb) => ['claim_id', eb.fn.countAll<number>().as('n')])
      .where('claim_id', 'in', part)
      .where('counts', '=', 1)
      .where('status', 'in', [...PROBLEM_STATUSES])
      .groupBy('claim_id')
      .execute();
    for (const r of rows) out.set(r.claim_id, Number(r.n));
  }
  return out;
}

/** The claims whose quotes rest on a source: its evidence, and claims first made in it. */
export async function claimsQuotingSource(trx: Db, sourceIds: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunked(sourceIds)) {
    for (const r of await trx.selectFrom('evidence').select('claim_id').distinct().where('source_id', 'in', part).execute()) out.add(r.claim_id);
    for (const r of await trx.selectFrom('claim_appearance').select('claim_id').where('source_id', 'in', part).where('position', '=', 0).execute()) out.add(r.claim_id);
  }
  return out;
}
