import type { Element, Root as HastRoot, RootContent } from 'hast';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { withEvidenceAnchors } from '../captures/queries';
import { countAcceptedEvidence, groupEvidenceByStance, listAcceptedEvidence } from '../evidence/queries';
import { parseStringList } from '../shared/json-columns';
import { citedSourceIds } from '../sources/citations';
import { isSlug, RELATIONS, type Relation } from '../shared/vocabulary';
import { sourceLinkColumns, toSourceLink, type SourceLink } from '../sources/source-link';
import type {
  Appearance,
  BodyReferences,
  ChainNode,
  ClaimDetail,
  ClaimSource,
  ClaimSourceRole,
  ConfidenceNote,
  DeclaredLink,
  HubSource,
  Quantity,
  RelatedClaim,
  SharedSourceClaim,
} from './dto';
import { getClaimSummaries, getClaimSummary } from './list-queries';
import { getClaimPassages } from './passages';
import { quantityOfClaimRow } from '../numbers/columns';
import { getMeasure } from '../numbers/measures';
import { asVerdict, maxDay } from './verdict-rules';

/**
 * Everything /claims/[id] and GET /api/claims/{id} show. Every part is bounded by the claim
 * itself (its file, its evidence) or by an explicit limit, never by the size of the ledger:
 * a claim resting on a source that 100,000 claims share reads the same few rows as any other.
 */

type Db = Kysely<Database>;

/** At most this many evidence entries and confidence notes on the page (with counts of all). */
export const CLAIM_PAGE_EVIDENCE_LIMIT = 100;
export const CLAIM_PAGE_NOTE_LIMIT = 20;
/**
 * Links declared by other claims' files: at most this many shown, with the count. Eight keeps the
 * page of a much-linked claim (20 copies link to the GPT-4 claim at 10,000 claims) under 150 KB.
 */
const INCOMING_LINK_LIMIT = 8;
/**
 * A source this many claims rest on says nothing about how two of them are related (the seed
 * article under review, a big dataset): it is named with its count, not listed claim by claim.
 */
export const HUB_SOURCE_CLAIMS = 50;
/** The related list stays short: the few claims sharing the most non-trivial sources. */
const SHARED_SOURCE_LIMIT = 5;

async function loadSourceLinks(db: Db, ids: Iterable<string>): Promise<Map<string, SourceLink & { cites: string[] }>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('source').select([...sourceLinkColumns, 'cites']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { ...toSourceLink(r), cites: citedSourceIds(r.cites) }]));
}

/** Fallback for a source id with no row (never expected after a checked ingest): show the id, not crash. */
function missingSource(id: string): SourceLink {
  return { id, title: id, publisher: null, published: null, type: 'blog', reliability: 'U', url: null, verified: false };
}

function stripCites(s: SourceLink & { cites: string[] }): SourceLink {
  const { cites: _cites, ...link } = s;
  return link;
}

/**
 * Resolves sources' own `cites` breadth-first up to `maxDepth` levels, so each chain can be
 * drawn back to its primary source with a bounded number of queries.
 */
async function buildChains(db: Db, roots: string[][], maxDepth = 6): Promise<ChainNode[][]> {
  const known = await loadSourceLinks(db, roots.flat());
  let frontier = [...known.values()].flatMap((s) => s.cites);
  for (let depth = 0; depth < maxDepth && frontier.length; depth++) {
    const missing = frontier.filter((id) => !known.has(id));
    if (missing.length === 0) break;
    const more = await loadSourceLinks(db, missing);
    for (const [id, s] of more) known.set(id, s);
    frontier = [...more.values()].flatMap((s) => s.cites);
  }
  const node = (id: string, seen: Set<string>, depth: number): ChainNode => {
    const s = known.get(id);
    const source = s ? stripCites(s) : missingSource(id);
    if (seen.has(id) || !s || depth >= maxDepth) return { source, cites: [], repeated: seen.has(id) };
    const nextSeen = new Set(seen).add(id);
    return { source, cites: s.cites.map((c) => node(c, nextSeen, depth + 1)), repeated: false };
  };
  return roots.map((ids) => ids.map((id) => node(id, new Set(), 0)));
}

/** Collects the ids a claim body refers to through ClaimRef, SourceRef and Quote. */
export function collectBodyReferenceIds(tree: HastRoot): { claims: Set<string>; sources: Set<string> } {
  const claims = new Set<string>();
  const sources = new Set<string>();
  const walk = (node: HastRoot | RootContent) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const attr = (name: string) => {
        const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
        return a && typeof a.value === 'string' ? a.value : undefined;
      };
      if (node.name === 'ClaimRef' && attr('id')) claims.add(attr('id')!);
      if (node.name === 'SourceRef' && attr('id')) sources.add(attr('id')!);
      if (node.name === 'Quote' && attr('source')) sources.add(attr('source')!);
    }
    if ('children' in node) for (const child of node.children as (RootContent | Element)[]) walk(child);
  };
  walk(tree);
  return { claims, sources };
}

function parseBodyTree(json: string): HastRoot {
  try {
    const tree = JSON.parse(json) as HastRoot;
    return tree && tree.type === 'root' ? tree : { type: 'root', children: [] };
  } catch {
    return { type: 'root', children: [] };
  }
}

/** Everything /claims/[id] and GET /api/claims/{id} show; null when no claim has that id. */
export async function getClaimPage(db: Db, id: string): Promise<ClaimDetail | null> {
  if (!isSlug(id)) return null; // names nothing (and PostgreSQL refuses some such ids outright)
  const claim = await db
    .selectFrom('claim')
    .select(['verdict', 'verdict_date', 'summary', 'original_lang', 'original_text', 'original_translation', 'quantity_value', 'quantity_low', 'quantity_high', 'quantity_unit', 'quantity_measure', 'quantity_as_of', 'quantity_price_year', 'quantity_geography', 'quantity_basis', 'quantity_note', 'body_tree', 'body_text', 'withdrawn_at', 'updated_at', 'revision'])
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!claim) return null;
  const summary = await getClaimSummary(db, id);
  if (!summary) return null;

  const appearanceRows = await db.selectFrom('claim_appearance').select(['position', 'source_id', 'date', 'note']).where('claim_id', '=', id).orderBy('position').execute();
  const citeRows = await db
    .selectFrom('appearance_cite')
    .select(['position', 'cited_source_id'])
    .where('claim_id', '=', id)
    .orderBy('position')
    .orderBy('cited_source_id')
    .execute();
  const citesByPosition = new Map<number, string[]>();
  for (const c of citeRows) citesByPosition.set(c.position, [...(citesByPosition.get(c.position) ?? []), c.cited_source_id]);
  const chains = await buildChains(db, appearanceRows.map((a) => citesByPosition.get(a.position) ?? []));
  const appearanceSources = await loadSourceLinks(db, appearanceRows.map((a) => a.source_id));
  const appearances: Appearance[] = appearanceRows.map((a, i) => {
    const s = appearanceSources.get(a.source_id);
    return { position: a.position, source: s ? stripCites(s) : missingSource(a.source_id), date: a.date, note: a.note, cites: chains[i] ?? [] };
  });

  const evidence = await withEvidenceAnchors(db, await listAcceptedEvidence(db, { claimId: id, limit: CLAIM_PAGE_EVIDENCE_LIMIT }));
  const evidenceCount = evidence.length < CLAIM_PAGE_EVIDENCE_LIMIT ? evidence.length : await countAcceptedEvidence(db, { claimId: id });
  const pending = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('claim_id', '=', id)
    .where('status', '=', 'pending')
    .where('retracted_at', 'is', null)
    .executeTakeFirst();

  const noteRows = await db
    .selectFrom('confidence_note')
    .select(['id', 'confidence', 'verdict', 'reason', 'evidence_ids', 'author', 'created_at'])
    .where('claim_id', '=', id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(CLAIM_PAGE_NOTE_LIMIT)
    .execute();
  const noteCount =
    noteRows.length < CLAIM_PAGE_NOTE_LIMIT
      ? noteRows.length
      : Number((await db.selectFrom('confidence_note').select((eb) => eb.fn.countAll<number>().as('n')).where('claim_id', '=', id).executeTakeFirstOrThrow()).n);
  const confidenceNotes: ConfidenceNote[] = noteRows.map((n) => ({
    id: n.id,
    confidence: n.confidence,
    verdict: n.verdict ? asVerdict(n.verdict) : null,
    reason: n.reason,
    evidenceIds: parseStringList(n.evidence_ids),
    author: n.author,
    createdAt: n.created_at,
  }));

  // Sources: where the claim appeared, what those appearances cited, and what the evidence comes from.
  const roles = new Map<string, Set<ClaimSourceRole>>();
  const addRole = (sourceId: string, role: ClaimSourceRole) => roles.set(sourceId, (roles.get(sourceId) ?? new Set()).add(role));
  appearanceRows.forEach((a) => addRole(a.source_id, 'appearance'));
  citeRows.forEach((c) => addRole(c.cited_source_id, 'cited'));
  evidence.forEach((e) => addRole(e.source.id, 'evidence'));
  const sourceLinks = await loadSourceLinks(db, roles.keys());
  const sources: ClaimSource[] = [...roles.entries()]
    .map(([sourceId, r]) => ({ ...(sourceLinks.has(sourceId) ? stripCites(sourceLinks.get(sourceId)!) : missingSource(sourceId)), roles: [...r].sort() }))
    .sort((a, b) => a.title.localeCompare(b.title));

  const related = await getRelatedClaims(db, id);

  const tree = parseBodyTree(claim.body_tree);
  const refIds = collectBodyReferenceIds(tree);
  const references: BodyReferences = { claims: {}, sources: {} };
  if (refIds.claims.size) {
    for (const r of await db.selectFrom('claim').select(['id', 'title', 'is_withdrawn']).where('id', 'in', [...refIds.claims]).where('status', '=', 'published').execute()) {
      references.claims[r.id] = { title: r.title, withdrawn: r.is_withdrawn === 1 };
    }
  }
  if (refIds.sources.size) {
    for (const r of await db.selectFrom('source').select(['id', 'title']).where('id', 'in', [...refIds.sources]).execute()) {
      references.sources[r.id] = { title: r.title };
    }
  }

  return {
    ...summary,
    lastReviewed: maxDay(summary.lastReviewed),
    revision: claim.revision,
    summary: claim.summary ? { text: claim.summary, verdict: asVerdict(claim.verdict), date: claim.verdict_date } : null,
    original: { lang: claim.original_lang, text: claim.original_text, translation: claim.original_translation },
    passages: await getClaimPassages(db, id),
    quantity: toClaimQuantity(claim),
    appearances,
    evidence: groupEvidenceByStance(evidence),
    evidenceCount,
    pendingEvidenceCount: Number(pending?.n ?? 0),
    confidenceNotes,
    confidenceNoteCount: noteCount,
    sources,
    related,
    withdrawnAt: claim.withdrawn_at,
    updatedAt: claim.updated_at,
    body: { tree, text: claim.body_text, references },
  };
}

/**
 * Related claims: links declared in either claim's file (shown on both ends), and a short list
 * of other claims resting on the same non-hub sources, most shared first (a source both claims
 * only appeared in does not count). Sources that many
 * claims rest on are named with their count instead (HUB_SOURCE_CLAIMS).
 */
export async function getRelatedClaims(
  db: Db,
  id: string,
): Promise<{ declared: DeclaredLink[]; incomingCount: number; sharedSource: SharedSourceClaim[]; hubSources: HubSource[] }> {
  // Explicit order: databases differ in the order they return rows without one.
  const outgoing = await db.selectFrom('claim_link').select(['to_claim_id as other', 'relation']).where('from_claim_id', '=', id).orderBy('to_claim_id').orderBy('relation').execute();
  const incoming = await db
    .selectFrom('claim_link')
    .select(['from_claim_id as other', 'relation'])
    .where('to_claim_id', '=', id)
    .orderBy('from_claim_id')
    .orderBy('relation')
    .limit(INCOMING_LINK_LIMIT + 1)
    .execute();
  const incomingCount =
    incoming.length <= INCOMING_LINK_LIMIT
      ? incoming.length
      : Number((await db.selectFrom('claim_link').select((eb) => eb.fn.countAll<number>().as('n')).where('to_claim_id', '=', id).executeTakeFirstOrThrow()).n);
  incoming.splice(INCOMING_LINK_LIMIT);

  // The sources this claim rests on (source_claim is kept by writes), split into hubs and the rest.
  const mine = await db
    .selectFrom('source_claim as sc')
    .innerJoin('source as s', 's.id', 'sc.source_id')
    .select([...sourceLinkColumns.map((c) => `s.${c}` as const), 's.claim_count', 'sc.via_citation', 'sc.evidence_count'])
    .where('sc.claim_id', '=', id)
    .execute();
  const hubs = mine.filter((s) => s.claim_count > HUB_SOURCE_CLAIMS);
  const small = mine.filter((s) => s.claim_count <= HUB_SOURCE_CLAIMS);
  // Two claims that merely appeared in the same post (every claim of an article under review)
  // are not related by it: a shared source counts when at least one of them cites it or draws evidence from it.
  const onlyAppearedIn = new Set(small.filter((s) => s.via_citation === 0 && s.evidence_count === 0).map((s) => s.id));
  const smallTitles = new Map(small.map((s) => [s.id, s.title]));
  const shared = new Map<string, Set<string>>();
  if (small.length) {
    const rows = await db
      .selectFrom('source_claim')
      .select(['claim_id', 'source_id', 'via_citation', 'evidence_count'])
      .where('source_id', 'in', small.map((s) => s.id))
      .where('claim_id', '!=', id)
      .limit(small.length * HUB_SOURCE_CLAIMS)
      .execute();
    for (const r of rows) {
      if (onlyAppearedIn.has(r.source_id) && r.via_citation === 0 && r.evidence_count === 0) continue;
      shared.set(r.claim_id, (shared.get(r.claim_id) ?? new Set()).add(r.source_id));
    }
  }
  const ranked = [...shared.entries()]
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .slice(0, SHARED_SOURCE_LIMIT);

  const others = [...new Set([...outgoing.map((l) => l.other), ...incoming.map((l) => l.other), ...ranked.map(([c]) => c)])];
  const summaries = new Map((await getClaimSummaries(db, others)).map((s) => [s.id, s]));
  const brief = (otherId: string): RelatedClaim | null => {
    const s = summaries.get(otherId);
    return s ? { id: s.id, title: s.title, verdict: s.verdict, withdrawn: s.withdrawn } : null;
  };
  const asRelation = (r: string): Relation => ((RELATIONS as readonly string[]).includes(r) ? (r as Relation) : 'context');

  const declared: DeclaredLink[] = [];
  const seen = new Set<string>();
  for (const [direction, links] of [['outgoing', outgoing], ['incoming', incoming]] as const) {
    for (const l of links) {
      const b = brief(l.other);
      const key = `${l.other}\u0000${l.relation}`;
      // A link declared on both ends is one relationship: show it once.
      if (!b || seen.has(key)) continue;
      seen.add(key);
      declared.push({ ...b, relation: asRelation(l.relation), direction });
    }
  }
  const sharedSource: SharedSourceClaim[] = ranked
    .flatMap(([otherId, srcs]) => {
      const b = brief(otherId);
      const ids = [...srcs].sort();
      return b && !b.withdrawn ? [{ ...b, sharedSourceIds: ids, sharedSources: ids.map((sid) => ({ id: sid, title: smallTitles.get(sid) ?? sid })) }] : [];
    })
    .sort((a, b) => b.sharedSourceIds.length - a.sharedSourceIds.length || a.title.localeCompare(b.title));
  const hubSources: HubSource[] = hubs
    .map((s) => ({ source: toSourceLink(s), otherClaims: s.claim_count - 1 }))
    .sort((a, b) => b.otherClaims - a.otherClaims || a.source.title.localeCompare(b.source.title));
  return { declared, incomingCount, sharedSource, hubSources };
}

function toClaimQuantity(row: Parameters<typeof quantityOfClaimRow>[0]): Quantity | null {
  const q = quantityOfClaimRow(row);
  if (!q || !q.measure) return null;
  return {
    value: q.value, low: q.low, high: q.high, unit: q.unit, measure: q.measure, measureLabel: getMeasure(q.measure)?.label ?? q.measure,
    asOf: q.asOf, priceYear: q.priceYear, geography: q.geography, basis: q.basis, note: q.note,
  };
}
