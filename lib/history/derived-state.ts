import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { evidenceDate, needsReview } from '../claims/needs-review';
import { getConfidenceBand, maxDay, pickCurrentVerdict } from '../claims/verdict-rules';
import { parseCopies, parseJsonArray } from '../shared/json-columns';
import { toSortKey } from '../shared/sort-key';
import { parseCitations } from '../sources/citations';
import { identityKeys } from '../sources/identity';
import { clearLineage, refreshLineage } from '../lineage/refresh';
import { clearNumbers, refreshNumbers, type NumbersRefreshOptions } from '../numbers/refresh';
import { claimsQuotingSource, countQuoteProblems, refreshQuoteAnchors } from '../quotes/refresh';

/**
 * Derived state: what lists show, filter, sort and count by, kept on the rows and in small
 * aggregate tables so that no request scans the ledger. It is a pure function of the base
 * rows (claims and their children, evidence, notes, sources), recomputed for exactly the
 * claims and sources a write touched, inside that write's transaction (the revision kernel
 * calls `refreshDerivedState`). `rebuildDerivedState` recomputes everything, e.g. after a
 * migration or an import; the two agree by construction, and tests check that they do.
 */

type Db = Kysely<Database>;

/** Bump when the rules below change: a store holding an older version is rebuilt before use. */
export const DERIVED_STATE_VERSION = '6';

const CHUNK = 300;

function chunked<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type FacetKey = [facet: string, value: string];
const keyOf = ([f, v]: FacetKey) => `${f}\u0000${v}`;

/** A claim is listed (in lists, counts, facets, source pages) unless it is withdrawn or a draft. */
export function isListedClaim(row: { is_withdrawn?: number; status?: string }): boolean {
  return !row.is_withdrawn && (row.status ?? 'published') !== 'draft';
}

/** The facet_count buckets a listed claim is counted in. */
function facetsOf(c: { verdict: string; band: string; claimant: string; topics: string[]; needsReview: boolean; sources: string[] }): FacetKey[] {
  return [
    ['all', ''],
    ['verdict', c.verdict],
    ['band', c.band],
    ['claimant', c.claimant],
    [`claimant-verdict:${c.claimant}`, c.verdict],
    ...(c.needsReview ? ([['needs-review', '']] as FacetKey[]) : []),
    // Sorted, so the stored list does not depend on the order rows were read in (an import reads them in another).
    ...[...new Set(c.topics)].sort().map((t): FacetKey => ['topic', t]),
    ...[...new Set(c.sources)].sort().map((s): FacetKey => [`source-verdict:${s}`, c.verdict]),
  ];
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Only the columns whose value changes: an index is rewritten only when its columns change,
 * and a claim row carries nine list indexes.
 */
function changedColumns<T extends Record<string, unknown>>(current: object, next: T): Partial<T> | null {
  const now = current as Record<string, unknown>;
  const changes = Object.fromEntries(Object.entries(next).filter(([k, v]) => now[k] !== v)) as Partial<T>;
  return Object.keys(changes).length ? changes : null;
}

/**
 * The derived state of a claim that no note or evidence has touched yet, written with the row
 * when it is first inserted (the revision kernel does this), so that its list indexes are
 * written once. Facets stay empty: the refresh that follows counts the claim into them.
 */
export function initialClaimState(row: { title: string; verdict: string; verdict_date: string; is_withdrawn?: number; status?: string }) {
  const verdict = pickCurrentVerdict({ verdict: row.verdict, verdictDate: row.verdict_date }, null);
  return {
    listed: (isListedClaim(row) ? 1 : 0) as 0 | 1,
    sort_title: toSortKey(row.title),
    current_verdict: verdict.value,
    current_verdict_date: verdict.date,
    current_verdict_origin: verdict.origin,
    current_confidence: null,
    confidence_band: getConfidenceBand(null),
    confidence_asc_key: 9,
    confidence_desc_key: -9,
    last_reviewed: maxDay(row.verdict_date),
    needs_review: 0 as const,
    evidence_count: 0,
  };
}

/** A new source's list keys, written with the row (its counts follow in the refresh). */
export function initialSourceState(row: { title: string; published?: string | null; status?: string; merged_into?: string | null }) {
  return {
    listed: ((row.status ?? 'accepted') === 'accepted' && !row.merged_into ? 1 : 0) as 0 | 1,
    sort_title: toSortKey(row.title),
    published_key: row.published ?? '',
  };
}

interface SourceUse {
  via_appearance: 0 | 1;
  via_citation: 0 | 1;
  evidence_count: number;
}

/** Recomputes the derived state of these claims; returns the sources whose claim lists changed. */
async function refreshClaims(trx: Db, ids: string[], facetDelta: Map<string, number>): Promise<Set<string>> {
  const changedSources = new Set<string>();
  for (const chunk of chunked(ids)) {
    const claims = await trx
      .selectFrom('claim')
      .select([
        'id', 'title', 'claimant', 'verdict', 'verdict_date', 'is_withdrawn', 'status', 'listed', 'sort_title', 'current_verdict',
        'current_verdict_date', 'current_verdict_origin', 'current_confidence', 'confidence_band', 'confidence_asc_key',
        'confidence_desc_key', 'last_reviewed', 'needs_review', 'evidence_count', 'facets', 'quote_problem_count',
      ])
      .where('id', 'in', chunk)
      .execute();
    if (claims.length === 0) continue;
    const present = claims.map((c) => c.id);
    // One after another: a transaction is one connection, and PostgreSQL's client runs one query at a time.
    const notes = await trx.selectFrom('confidence_note').select(['claim_id', 'confidence', 'verdict', 'created_at']).where('claim_id', 'in', present).orderBy('created_at').orderBy('id').execute();
    // Per claim and source, not per entry: what follows needs only counts and the newest
    // dates, so a write to a claim with thousands of entries reads a row per source. The
    // newest as-of string is the newest day too (earliestDay keeps the order of valid dates).
    const evidence = (
      await trx
        .selectFrom('evidence as e')
        .innerJoin('source as s', 's.id', 'e.source_id')
        .select((eb) => [
          'e.claim_id', 'e.source_id', 's.published',
          eb.fn.countAll<number | string>().as('entries'),
          eb.fn.max('e.as_of').as('as_of'),
          eb.fn.max('e.created_at').as('created_at'),
        ])
        .where('e.claim_id', 'in', present)
        .where('e.status', '=', 'accepted')
        .where('e.retracted_at', 'is', null)
        .groupBy(['e.claim_id', 'e.source_id', 's.published'])
        .execute()
    ).map((r) => ({ ...r, entries: Number(r.entries) }));
    const appearances = await trx.selectFrom('claim_appearance').select(['claim_id', 'source_id']).where('claim_id', 'in', present).execute();
    const cites = await trx.selectFrom('appearance_cite').select(['claim_id', 'cited_source_id']).where('claim_id', 'in', present).execute();
    const topics = await trx.selectFrom('claim_topic').select(['claim_id', 'topic', 'listed', 'sort_title']).where('claim_id', 'in', present).execute();
    const stored = await trx.selectFrom('source_claim').selectAll().where('claim_id', 'in', present).execute();
    const quoteProblems = await countQuoteProblems(trx, present);
    const notesBy = groupBy(notes, (n) => n.claim_id);
    const evidenceBy = groupBy(evidence, (e) => e.claim_id);
    const appearancesBy = groupBy(appearances, (a) => a.claim_id);
    const citesBy = groupBy(cites, (c) => c.claim_id);
    const topicsBy = groupBy(topics, (t) => t.claim_id);
    const storedBy = groupBy(stored, (s) => s.claim_id);

    const newUses: { source_id: string; claim_id: string; sort_title: string; via_appearance: 0 | 1; via_citation: 0 | 1; evidence_count: number }[] = [];
    for (const c of claims) {
      const claimNotes = notesBy.get(c.id) ?? [];
      const withVerdict = claimNotes.filter((n) => n.verdict !== null).at(-1);
      const withConfidence = claimNotes.filter((n) => n.confidence !== null).at(-1);
      const verdict = pickCurrentVerdict(
        { verdict: c.verdict, verdictDate: c.verdict_date },
        withVerdict ? { verdict: withVerdict.verdict!, createdAt: withVerdict.created_at } : null,
      );
      const confidence = withConfidence?.confidence ?? null;
      const band = getConfidenceBand(confidence);
      const claimEvidence = evidenceBy.get(c.id) ?? [];
      const evidenceDays = claimEvidence.map((e) => evidenceDate(e.published, e.as_of));
      const problems = quoteProblems.get(c.id) ?? 0;
      // A quote that its source's archived copy does not bear out needs review too (lib/quotes).
      const review = needsReview(verdict.date, evidenceDays) || problems > 0;
      const listed = isListedClaim(c) ? 1 : 0;
      const sortTitle = toSortKey(c.title);

      const uses = new Map<string, SourceUse>();
      const sourceUse = (sourceId: string) => {
        let u = uses.get(sourceId);
        if (!u) uses.set(sourceId, (u = { via_appearance: 0, via_citation: 0, evidence_count: 0 }));
        return u;
      };
      if (listed) {
        for (const a of appearancesBy.get(c.id) ?? []) sourceUse(a.source_id).via_appearance = 1;
        for (const x of citesBy.get(c.id) ?? []) sourceUse(x.cited_source_id).via_citation = 1;
        for (const e of claimEvidence) sourceUse(e.source_id).evidence_count += e.entries;
      }
      const claimTopics = (topicsBy.get(c.id) ?? []).map((t) => t.topic);
      const facets = listed
        ? facetsOf({ verdict: verdict.value, band, claimant: c.claimant, topics: claimTopics, needsReview: review, sources: [...uses.keys()] })
        : [];

      const next = {
        listed: listed as 0 | 1,
        sort_title: sortTitle,
        current_verdict: verdict.value,
        current_verdict_date: verdict.date,
        current_verdict_origin: verdict.origin,
        current_confidence: confidence,
        confidence_band: band,
        confidence_asc_key: confidence ?? 9,
        confidence_desc_key: confidence ?? -9,
        last_reviewed: maxDay(c.verdict_date, claimNotes.at(-1)?.created_at, ...claimEvidence.map((e) => e.created_at)),
        needs_review: (review ? 1 : 0) as 0 | 1,
        evidence_count: claimEvidence.reduce((n, e) => n + e.entries, 0),
        facets: JSON.stringify(facets),
        quote_problem_count: problems,
      };
      const changes = changedColumns(c, next);
      if (changes) await trx.updateTable('claim').set(changes).where('id', '=', c.id).execute();

      // Facet counts move with the claim: out of the buckets it was in, into the new ones.
      for (const f of parseJsonArray(c.facets) as FacetKey[]) facetDelta.set(keyOf(f), (facetDelta.get(keyOf(f)) ?? 0) - 1);
      for (const f of facets) facetDelta.set(keyOf(f), (facetDelta.get(keyOf(f)) ?? 0) + 1);

      for (const t of topicsBy.get(c.id) ?? []) {
        if (t.listed !== listed || t.sort_title !== sortTitle) {
          await trx.updateTable('claim_topic').set({ listed: listed as 0 | 1, sort_title: sortTitle }).where('claim_id', '=', c.id).execute();
          break;
        }
      }

      const before = new Map((storedBy.get(c.id) ?? []).map((s) => [s.source_id, s]));
      for (const [sourceId, u] of uses) {
        const old = before.get(sourceId);
        if (!old) {
          newUses.push({ source_id: sourceId, claim_id: c.id, sort_title: sortTitle, ...u });
          changedSources.add(sourceId);
        } else if (old.sort_title !== sortTitle || old.via_appearance !== u.via_appearance || old.via_citation !== u.via_citation || old.evidence_count !== u.evidence_count) {
          await trx.updateTable('source_claim').set({ sort_title: sortTitle, ...u }).where('source_id', '=', sourceId).where('claim_id', '=', c.id).execute();
          if (old.evidence_count !== u.evidence_count) changedSources.add(sourceId);
        }
      }
      const gone = [...before.keys()].filter((s) => !uses.has(s));
      if (gone.length) {
        await trx.deleteFrom('source_claim').where('claim_id', '=', c.id).where('source_id', 'in', gone).execute();
        gone.forEach((s) => changedSources.add(s));
      }
    }
    for (const part of chunked(newUses, 150)) await trx.insertInto('source_claim').values(part).execute();
  }
  return changedSources;
}

async function applyFacetDelta(trx: Db, delta: Map<string, number>): Promise<void> {
  const moves = [...delta.entries()].filter(([, d]) => d !== 0).map(([k, d]) => {
    const [facet, value] = k.split('\u0000') as FacetKey;
    return { facet, value, count: d };
  });
  for (const part of chunked(moves, 200)) {
    await trx
      .insertInto('facet_count')
      .values(part)
      .onConflict((oc) => oc.columns(['facet', 'value']).doUpdateSet((eb) => ({ count: eb('facet_count.count', '+', eb.ref('excluded.count')) })))
      .execute();
  }
  if (moves.some((m) => m.count < 0)) await trx.deleteFrom('facet_count').where('count', '<=', 0).execute();
}

/** Recomputes what sources show in lists: visibility, sort keys, how much rests on them, their citations and identities. */
async function refreshSources(trx: Db, ids: string[], facetDelta: Map<string, number>): Promise<void> {
  for (const chunk of chunked(ids)) {
    const rows = await trx
      .selectFrom('source')
      .select(['id', 'title', 'type', 'reliability', 'status', 'merged_into', 'published', 'url', 'copies', 'cites', 'listed', 'sort_title', 'published_key', 'claim_count', 'evidence_count', 'use_rank', 'facets'])
      .where('id', 'in', chunk)
      .execute();
    if (rows.length === 0) continue;
    const present = rows.map((r) => r.id);
    const counts = new Map(
      (
        await trx
          .selectFrom('source_claim')
          .select((eb) => ['source_id', eb.fn.countAll<number>().as('claims'), eb.fn.sum<number>('evidence_count').as('evidence')])
          .where('source_id', 'in', present)
          .groupBy('source_id')
          .execute()
      ).map((r) => [r.source_id, { claims: Number(r.claims), evidence: Number(r.evidence ?? 0) }]),
    );
    await trx.deleteFrom('source_cite').where('source_id', 'in', present).execute();
    await trx.deleteFrom('source_identity').where('source_id', 'in', present).execute();
    const citeRows: { source_id: string; cited_source_id: string; position: number; locator: string | null; basis: 'stated' | 'inferred'; inferred_by: string | null; note: string | null }[] = [];
    const identityRows: { identity_key: string; source_id: string }[] = [];
    for (const r of rows) {
      const n = counts.get(r.id) ?? { claims: 0, evidence: 0 };
      const listed = r.status === 'accepted' && r.merged_into === null;
      // Source lists count by these: all public sources, and per type and grade.
      const facets: FacetKey[] = listed ? [['sources', ''], ['source-type', r.type], ['source-grade', r.reliability]] : [];
      for (const f of parseJsonArray(r.facets) as FacetKey[]) facetDelta.set(keyOf(f), (facetDelta.get(keyOf(f)) ?? 0) - 1);
      for (const f of facets) facetDelta.set(keyOf(f), (facetDelta.get(keyOf(f)) ?? 0) + 1);
      const next = {
        listed: (listed ? 1 : 0) as 0 | 1,
        sort_title: toSortKey(r.title),
        published_key: r.published ?? '',
        claim_count: n.claims,
        evidence_count: n.evidence,
        use_rank: -(n.claims + n.evidence),
        facets: JSON.stringify(facets),
      };
      const changes = changedColumns(r, next);
      if (changes) await trx.updateTable('source').set(changes).where('id', '=', r.id).execute();
      parseCitations(r.cites).forEach((c, position) =>
        citeRows.push({ source_id: r.id, cited_source_id: c.source, position, locator: c.locator, basis: c.basis, inferred_by: c.inferred_by, note: c.note }),
      );
      for (const key of identityKeys({ url: r.url, copies: parseCopies(r.copies) })) identityRows.push({ identity_key: key, source_id: r.id });
    }
    for (const part of chunked(citeRows, 200)) await trx.insertInto('source_cite').values(part).execute();
    for (const part of chunked(identityRows, 200)) await trx.insertInto('source_identity').values(part).execute();
  }
}

/** Called by the revision kernel at the end of every write, inside its transaction. */
export async function refreshDerivedState(
  trx: Db,
  touched: {
    claims: Set<string>;
    sources: Set<string>;
    redatedSources?: Set<string>;
    relinkedSources?: Set<string>;
    recapturedSources?: Set<string>;
    /** Claims whose quotes are all re-checked; without it, every claim touched. */
    requotedClaims?: Set<string>;
    /** Evidence entries written, whose own quotes are re-checked. */
    evidence?: Set<string>;
  },
  options: { numbers?: NumbersRefreshOptions } = {},
): Promise<void> {
  const claims = new Set(touched.claims);
  for (const part of chunked([...(touched.redatedSources ?? [])])) {
    for (const r of await trx.selectFrom('evidence').select('claim_id').where('source_id', 'in', part).execute()) claims.add(r.claim_id);
  }
  const requoted = new Set(touched.requotedClaims ?? touched.claims);
  if (touched.recapturedSources?.size) {
    for (const id of await claimsQuotingSource(trx, [...touched.recapturedSources])) {
      claims.add(id);
      requoted.add(id);
    }
  }
  // Anchors first: a claim's needs-review flag counts its broken quotes.
  await refreshQuoteAnchors(trx, [...requoted].sort(), [...(touched.evidence ?? [])].sort());
  const facetDelta = new Map<string, number>();
  const sources = await refreshClaims(trx, [...claims].sort(), facetDelta);
  for (const s of touched.sources) sources.add(s);
  await refreshSources(trx, [...sources].sort(), facetDelta);
  await applyFacetDelta(trx, facetDelta);
  // After source_cite is current: the graphs of these claims and of those resting on relinked sources.
  await refreshLineage(trx, { claims, relinkedSources: touched.relinkedSources ?? new Set() });
  // After `listed` is current: a withdrawn claim leaves the numbers lists.
  await refreshNumbers(trx, [...claims].sort(), options.numbers);
}

/**
 * Recomputes every claim's and source's derived state from the base rows, from empty
 * aggregates. Runs after a migration that made it stale, after an import, and on demand.
 */
export async function rebuildDerivedState(trx: Db, options: { numbers?: NumbersRefreshOptions } = {}): Promise<void> {
  await trx.deleteFrom('facet_count').execute();
  await trx.deleteFrom('source_claim').execute();
  await trx.deleteFrom('quote_anchor').execute();
  await trx.updateTable('claim').set({ facets: '[]' }).execute();
  await trx.updateTable('source').set({ facets: '[]' }).execute();
  await clearLineage(trx);
  await clearNumbers(trx);
  const claimIds = (await trx.selectFrom('claim').select('id').orderBy('id').execute()).map((r) => r.id);
  const sourceIds = (await trx.selectFrom('source').select('id').orderBy('id').execute()).map((r) => r.id);
  await refreshDerivedState(trx, { claims: new Set(claimIds), sources: new Set(sourceIds), relinkedSources: new Set(sourceIds) }, options);
  await trx
    .insertInto('store_meta')
    .values({ key: 'derived-state', value: DERIVED_STATE_VERSION })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: DERIVED_STATE_VERSION }))
    .execute();
}
