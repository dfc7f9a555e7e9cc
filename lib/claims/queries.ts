import { parseStringList } from '../shared/json-columns';
import type { Element, Root as HastRoot, RootContent } from 'hast';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { groupEvidenceByStance, listAcceptedEvidence } from '../evidence/queries';
import { getNewestEvidenceDates, needsReview } from './needs-review';
import {
  isSlug,
  RELATIONS,
  VERDICT_SCALE,
  VERDICTS,
  type Relation,
  type Verdict,
} from '../shared/vocabulary';
import { sourceLinkColumns, toSourceLink } from './dto';
import type {
  Appearance,
  BodyReferences,
  ChainNode,
  ClaimDetail,
  ClaimSource,
  ClaimSourceRole,
  ClaimSummary,
  ConfidenceBand,
  ConfidenceNote,
  CurrentVerdict,
  DeclaredLink,
  RelatedClaim,
  SharedSourceClaim,
  SourceLink,
} from './dto';

type Db = Kysely<Database>;

// ---------------------------------------------------------------------------
// Rules shared by every view of a claim
// ---------------------------------------------------------------------------

export const CONFIDENCE_BANDS = ['high', 'medium', 'low', 'none'] as const;

/** Bands used by filters and badges: high ≥ 0.75, medium ≥ 0.4, low below; none when no note gives a figure. */
export function getConfidenceBand(confidence: number | null): ConfidenceBand {
  if (confidence === null) return 'none';
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.4) return 'medium';
  return 'low';
}

function asVerdict(value: string): Verdict {
  // The store only holds checked values; fall back rather than crash a page on a bad row.
  return (VERDICTS as readonly string[]).includes(value) ? (value as Verdict) : 'unverifiable';
}

function toVerdict(value: string, date: string, origin: 'file' | 'note'): CurrentVerdict {
  const verdict = asVerdict(value);
  return { value: verdict, label: VERDICT_SCALE[verdict].label, ratingValue: VERDICT_SCALE[verdict].ratingValue, date, origin };
}

/** A file's verdict_date is a day; it counts from the start of that day (UTC). */
function timeOf(dateOrTimestamp: string): number {
  const t = Date.parse(dateOrTimestamp.length === 10 ? `${dateOrTimestamp}T00:00:00Z` : dateOrTimestamp);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * The current verdict is the newest dated one: the claim file's (verdict_date) or a
 * confidence note's with a verdict (created_at). A note on the file's verdict day wins,
 * since a note is always written after reading the file.
 */
export function pickCurrentVerdict(
  file: { verdict: string; verdictDate: string },
  note: { verdict: string; createdAt: string } | null,
): CurrentVerdict {
  if (note && timeOf(note.createdAt) >= timeOf(file.verdictDate)) {
    return toVerdict(note.verdict, note.createdAt.slice(0, 10), 'note');
  }
  return toVerdict(file.verdict, file.verdictDate, 'file');
}

function maxDay(...dates: (string | null | undefined)[]): string {
  const days = dates.filter((d): d is string => !!d).map((d) => d.slice(0, 10));
  return days.sort().at(-1) ?? '';
}

// ---------------------------------------------------------------------------
// Summaries: the board, the list and the API list
// ---------------------------------------------------------------------------

async function selectSummaries(db: Db, ids?: string[]): Promise<ClaimSummary[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('claim as c')
    .select(['c.id', 'c.title', 'c.statement', 'c.claimant', 'c.verdict', 'c.verdict_date', 'c.is_withdrawn'])
    .select((eb) => [
      eb
        .selectFrom('confidence_note as n')
        .select('n.confidence')
        .whereRef('n.claim_id', '=', 'c.id')
        .where('n.confidence', 'is not', null)
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(1)
        .as('confidence'),
      eb
        .selectFrom('confidence_note as n')
        .select('n.verdict')
        .whereRef('n.claim_id', '=', 'c.id')
        .where('n.verdict', 'is not', null)
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(1)
        .as('note_verdict'),
      eb
        .selectFrom('confidence_note as n')
        .select('n.created_at')
        .whereRef('n.claim_id', '=', 'c.id')
        .where('n.verdict', 'is not', null)
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(1)
        .as('note_verdict_at'),
      eb
        .selectFrom('confidence_note as n')
        .select((e) => e.fn.max('n.created_at').as('m'))
        .whereRef('n.claim_id', '=', 'c.id')
        .as('last_note_at'),
    ]);
  if (ids) query = query.where('c.id', 'in', ids);
  const rows = await query.orderBy('c.id').execute();

  let topicQuery = db.selectFrom('claim_topic').select(['claim_id', 'topic']);
  if (ids) topicQuery = topicQuery.where('claim_id', 'in', ids);
  const topics = new Map<string, string[]>();
  for (const t of await topicQuery.orderBy('topic').execute()) {
    const list = topics.get(t.claim_id) ?? [];
    list.push(t.topic);
    topics.set(t.claim_id, list);
  }
  const newestEvidence = await getNewestEvidenceDates(db, ids);

  return rows.map((r) => {
    const confidence = r.confidence ?? null;
    const verdict = pickCurrentVerdict(
      { verdict: r.verdict, verdictDate: r.verdict_date },
      r.note_verdict && r.note_verdict_at ? { verdict: r.note_verdict, createdAt: r.note_verdict_at } : null,
    );
    return {
      id: r.id,
      title: r.title,
      statement: r.statement,
      claimant: r.claimant,
      topics: topics.get(r.id) ?? [],
      verdict,
      confidence,
      confidenceBand: getConfidenceBand(confidence),
      withdrawn: r.is_withdrawn === 1,
      lastReviewed: maxDay(r.verdict_date, r.last_note_at as string | null),
      needsReview: needsReview(verdict.date, [newestEvidence.get(r.id) ?? null]),
    };
  });
}

export const CLAIM_SORTS = ['title', 'confidence', 'verdict-date'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/**
 * The filters of /claims and GET /api/claims. Both read them from the URL, so they
 * are validated here once; anything unknown is a 400 for the API and ignored by the page.
 */
export const claimListQuerySchema = z.strictObject({
  verdict: z.preprocess(emptyToUndefined, z.enum(VERDICTS).optional()),
  topic: z.preprocess(emptyToUndefined, z.string().max(120).optional()),
  claimant: z.preprocess(emptyToUndefined, z.string().max(300).optional()),
  confidence: z.preprocess(emptyToUndefined, z.enum(CONFIDENCE_BANDS).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(CLAIM_SORTS).default('title')),
  order: z.preprocess(emptyToUndefined, z.enum(['asc', 'desc']).optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(20)),
});
export type ClaimListQuery = z.infer<typeof claimListQuerySchema>;

export interface ClaimList {
  items: ClaimSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Values the filters can take, for the filter form. */
  facets: { topics: string[]; claimants: string[] };
}

function compareSummaries(sort: ClaimSort, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  return (a: ClaimSummary, b: ClaimSummary): number => {
    let d = 0;
    if (sort === 'confidence') {
      // Claims without a figure sort last whatever the order.
      if (a.confidence === null || b.confidence === null) d = a.confidence === null ? (b.confidence === null ? 0 : 1) : -1;
      else d = sign * (a.confidence - b.confidence);
    } else if (sort === 'verdict-date') d = sign * a.verdict.date.localeCompare(b.verdict.date);
    else d = sign * a.title.localeCompare(b.title);
    return d || a.id.localeCompare(b.id);
  };
}

/** Every current (not withdrawn) claim that passes the filters, sorted and paginated. */
export async function listClaims(db: Db, query: Partial<ClaimListQuery> = {}): Promise<ClaimList> {
  const q = claimListQuerySchema.parse(query);
  const all = (await selectSummaries(db)).filter((c) => !c.withdrawn);
  const filtered = all.filter(
    (c) =>
      (!q.verdict || c.verdict.value === q.verdict) &&
      (!q.topic || c.topics.includes(q.topic)) &&
      (!q.claimant || c.claimant === q.claimant) &&
      (!q.confidence || c.confidenceBand === q.confidence),
  );
  const order = q.order ?? (q.sort === 'title' ? 'asc' : 'desc');
  filtered.sort(compareSummaries(q.sort, order));
  const pageCount = Math.max(1, Math.ceil(filtered.length / q.pageSize));
  const start = (q.page - 1) * q.pageSize;
  return {
    items: filtered.slice(start, start + q.pageSize),
    total: filtered.length,
    page: q.page,
    pageSize: q.pageSize,
    pageCount,
    facets: {
      topics: [...new Set(all.flatMap((c) => c.topics))].sort(),
      claimants: [...new Set(all.map((c) => c.claimant))].sort((a, b) => a.localeCompare(b)),
    },
  };
}

export interface ClaimBoard {
  claims: ClaimSummary[];
  countsByVerdict: { verdict: Verdict; label: string; count: number }[];
}

/** How many claims carry each verdict (verdicts with none left out), in scale order. */
export function countByVerdict(claims: ClaimSummary[]): ClaimBoard['countsByVerdict'] {
  return VERDICTS.map((verdict) => ({
    verdict,
    label: VERDICT_SCALE[verdict].label,
    count: claims.filter((c) => c.verdict.value === verdict).length,
  })).filter((c) => c.count > 0);
}

/** The home page board: claims made in one article (an appearance at that source), with counts by verdict. */
export async function getClaimBoard(db: Db, articleSourceId: string): Promise<ClaimBoard> {
  const ids = (
    await db.selectFrom('claim_appearance').select('claim_id').where('source_id', '=', articleSourceId).distinct().execute()
  ).map((r) => r.claim_id);
  const claims = (await selectSummaries(db, ids)).filter((c) => !c.withdrawn).sort((a, b) => a.title.localeCompare(b.title));
  const countsByVerdict = countByVerdict(claims);
  return { claims, countsByVerdict };
}

/** Ids of every claim, withdrawn ones included (their URLs keep resolving). */
export async function listClaimIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('claim').select('id').orderBy('id').execute()).map((r) => r.id);
}

// ---------------------------------------------------------------------------
// One claim, end to end
// ---------------------------------------------------------------------------

async function loadSourceLinks(db: Db, ids: Iterable<string>): Promise<Map<string, SourceLink & { cites: string[] }>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('source').select([...sourceLinkColumns, 'cites']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { ...toSourceLink(r), cites: parseStringList(r.cites) }]));
}

/** Fallback for a source id with no row (never expected after a checked ingest): show the id, not crash. */
function missingSource(id: string): SourceLink {
  return { id, title: id, publisher: null, published: null, type: 'blog', reliability: 'U', url: null };
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

function stripCites(s: SourceLink & { cites: string[] }): SourceLink {
  const { cites: _cites, ...link } = s;
  return link;
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
  const claim = await db.selectFrom('claim').selectAll().where('id', '=', id).executeTakeFirst();
  if (!claim) return null;
  const [summary] = await selectSummaries(db, [id]);
  if (!summary) return null;

  const appearanceRows = await db
    .selectFrom('claim_appearance')
    .select(['position', 'source_id', 'date', 'note'])
    .where('claim_id', '=', id)
    .orderBy('position')
    .execute();
  const citeRows = await db
    .selectFrom('appearance_cite')
    .select(['position', 'cited_source_id'])
    .where('claim_id', '=', id)
    .orderBy('position')
    .orderBy('cited_source_id')
    .execute();
  const citesByPosition = new Map<number, string[]>();
  for (const c of citeRows) citesByPosition.set(c.position, [...(citesByPosition.get(c.position) ?? []), c.cited_source_id]);
  const chains = await buildChains(
    db,
    appearanceRows.map((a) => citesByPosition.get(a.position) ?? []),
  );
  const appearanceSources = await loadSourceLinks(db, appearanceRows.map((a) => a.source_id));
  const appearances: Appearance[] = appearanceRows.map((a, i) => {
    const s = appearanceSources.get(a.source_id);
    return {
      position: a.position,
      source: s ? stripCites(s) : missingSource(a.source_id),
      date: a.date,
      note: a.note,
      cites: chains[i] ?? [],
    };
  });

  const evidence = await listAcceptedEvidence(db, { claimId: id });
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
    .execute();
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

  const related = await getRelatedClaims(db, id, [...roles.keys()]);

  const tree = parseBodyTree(claim.body_tree);
  const refIds = collectBodyReferenceIds(tree);
  const references: BodyReferences = { claims: {}, sources: {} };
  if (refIds.claims.size) {
    for (const r of await db.selectFrom('claim').select(['id', 'title', 'is_withdrawn']).where('id', 'in', [...refIds.claims]).execute()) {
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
    lastReviewed: maxDay(summary.lastReviewed, ...evidence.map((e) => e.createdAt)),
    original: { lang: claim.original_lang, text: claim.original_text, translation: claim.original_translation },
    quantity:
      claim.quantity_unit && claim.quantity_measure
        ? {
            value: claim.quantity_value,
            low: claim.quantity_low,
            high: claim.quantity_high,
            unit: claim.quantity_unit,
            measure: claim.quantity_measure,
            asOf: claim.quantity_as_of,
          }
        : null,
    appearances,
    evidence: groupEvidenceByStance(evidence),
    pendingEvidenceCount: Number(pending?.n ?? 0),
    confidenceNotes,
    sources,
    related,
    withdrawnAt: claim.withdrawn_at,
    updatedAt: claim.updated_at,
    body: { tree, text: claim.body_text, references },
  };
}

/**
 * Related claims: links declared in either claim's file (shown on both ends), and
 * other claims resting on one of the same sources (appearance, citation or evidence).
 */
export async function getRelatedClaims(
  db: Db,
  id: string,
  sourceIds: string[],
): Promise<{ declared: DeclaredLink[]; sharedSource: SharedSourceClaim[] }> {
  // Explicit order: databases differ in the order they return rows without one.
  const outgoing = await db.selectFrom('claim_link').select(['to_claim_id as other', 'relation']).where('from_claim_id', '=', id).orderBy('to_claim_id').orderBy('relation').execute();
  const incoming = await db.selectFrom('claim_link').select(['from_claim_id as other', 'relation']).where('to_claim_id', '=', id).orderBy('from_claim_id').orderBy('relation').execute();

  const shared = new Map<string, Set<string>>();
  if (sourceIds.length) {
    const add = (rows: { claim_id: string; source_id: string }[]) => {
      for (const r of rows) if (r.claim_id !== id) shared.set(r.claim_id, (shared.get(r.claim_id) ?? new Set()).add(r.source_id));
    };
    add(await db.selectFrom('claim_appearance').select(['claim_id', 'source_id']).where('source_id', 'in', sourceIds).execute());
    add(
      await db
        .selectFrom('appearance_cite')
        .select(['claim_id', 'cited_source_id as source_id'])
        .where('cited_source_id', 'in', sourceIds)
        .execute(),
    );
    add(
      await db
        .selectFrom('evidence')
        .select(['claim_id', 'source_id'])
        .where('source_id', 'in', sourceIds)
        .where('status', '=', 'accepted')
        .where('retracted_at', 'is', null)
        .execute(),
    );
  }

  const others = [...new Set([...outgoing.map((l) => l.other), ...incoming.map((l) => l.other), ...shared.keys()])];
  const summaries = new Map((await selectSummaries(db, others)).map((s) => [s.id, s]));
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
  const sharedSource: SharedSourceClaim[] = [...shared.entries()]
    .flatMap(([otherId, srcs]) => {
      const b = brief(otherId);
      return b && !b.withdrawn ? [{ ...b, sharedSourceIds: [...srcs].sort() }] : [];
    })
    .sort((a, b) => b.sharedSourceIds.length - a.sharedSourceIds.length || a.title.localeCompare(b.title))
    .slice(0, 20);
  return { declared, sharedSource };
}

/** Title and verdict for metadata, without assembling the whole page. */
export async function getClaimSummary(db: Db, id: string): Promise<ClaimSummary | null> {
  if (!isSlug(id)) return null;
  const [summary] = await selectSummaries(db, [id]);
  return summary ?? null;
}
