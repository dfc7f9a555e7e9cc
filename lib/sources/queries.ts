import { parseCopies, parseStringList } from '../shared/json-columns';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema';
import { sourceLinkColumns, toSourceLink, type EvidenceItem, type SourceLink } from '../claims/dto';
import { listAcceptedEvidence } from '../evidence/queries';
import {
  COPY_KINDS,
  isSlug,
  RELIABILITY_GRADES,
  RELIABILITY_SCALE,
  SOURCE_TYPES,
} from '../shared/vocabulary';

type Db = Kysely<Database>;

/** The article the ledger was started to check (鋼哥's essay): the home page's board. */
export const ARTICLE_UNDER_REVIEW_ID = 'gangge-matters-ai-bubble';

export interface SourceSummary extends SourceLink {
  authors: string[];
  /** Distinct current claims resting on it: made there, cited by an appearance, or evidence drawn from it. */
  claimCount: number;
  evidenceCount: number;
}

export const SOURCE_SORTS = ['use', 'date', 'title'] as const;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const sourceListQuerySchema = z.strictObject({
  type: z.preprocess(emptyToUndefined, z.enum(SOURCE_TYPES).optional()),
  reliability: z.preprocess(emptyToUndefined, z.enum(RELIABILITY_GRADES).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(SOURCE_SORTS).default('use')),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type SourceListQuery = z.infer<typeof sourceListQuerySchema>;

export interface SourceList {
  items: SourceSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

/** Claim ids resting on each source, from appearances, appearance citations and accepted evidence. */
async function mapClaimsBySource(db: Db, sourceIds?: string[]): Promise<{ claims: Map<string, Set<string>>; evidence: Map<string, number> }> {
  const live = db.selectFrom('claim').select('id').where('is_withdrawn', '=', 0);
  let appearances = db.selectFrom('claim_appearance').select(['claim_id', 'source_id']).where('claim_id', 'in', live);
  let cites = db
    .selectFrom('appearance_cite')
    .select(['claim_id', 'cited_source_id as source_id'])
    .where('claim_id', 'in', live);
  let evidence = db
    .selectFrom('evidence')
    .select(['claim_id', 'source_id'])
    .where('status', '=', 'accepted')
    .where('retracted_at', 'is', null)
    .where('claim_id', 'in', live);
  if (sourceIds) {
    appearances = appearances.where('source_id', 'in', sourceIds);
    cites = cites.where('cited_source_id', 'in', sourceIds);
    evidence = evidence.where('source_id', 'in', sourceIds);
  }
  const claims = new Map<string, Set<string>>();
  const evidenceCount = new Map<string, number>();
  const add = (sourceId: string, claimId: string) => claims.set(sourceId, (claims.get(sourceId) ?? new Set()).add(claimId));
  for (const r of await appearances.execute()) add(r.source_id, r.claim_id);
  for (const r of await cites.execute()) add(r.source_id, r.claim_id);
  for (const r of await evidence.execute()) {
    add(r.source_id, r.claim_id);
    evidenceCount.set(r.source_id, (evidenceCount.get(r.source_id) ?? 0) + 1);
  }
  return { claims, evidence: evidenceCount };
}

/** Every source (merged duplicates left out), filtered and sorted by use or date. */
export async function listSources(db: Db, query: Partial<SourceListQuery> = {}): Promise<SourceList> {
  const q = sourceListQuerySchema.parse(query);
  let rows = db
    .selectFrom('source')
    .select([...sourceLinkColumns, 'authors'])
    .where('merged_into', 'is', null)
    // A source that rests only on an unreviewed proposal is not public yet.
    .where('status', '=', 'accepted');
  if (q.type) rows = rows.where('type', '=', q.type);
  if (q.reliability) rows = rows.where('reliability', '=', q.reliability);
  const sources = await rows.execute();
  const usage = await mapClaimsBySource(db);
  const items: SourceSummary[] = sources.map((r) => ({
    ...toSourceLink(r),
    authors: parseStringList(r.authors),
    claimCount: usage.claims.get(r.id)?.size ?? 0,
    evidenceCount: usage.evidence.get(r.id) ?? 0,
  }));
  items.sort((a, b) => {
    let d = 0;
    if (q.sort === 'use') d = b.claimCount + b.evidenceCount - (a.claimCount + a.evidenceCount);
    // Undated sources sort last.
    else if (q.sort === 'date') d = (b.published ?? '').localeCompare(a.published ?? '');
    return d || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
  });
  const pageCount = Math.max(1, Math.ceil(items.length / q.pageSize));
  const start = (q.page - 1) * q.pageSize;
  return { items: items.slice(start, start + q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize, pageCount };
}

export interface SourceCopyLink {
  url: string;
  kind: (typeof COPY_KINDS)[number];
  note: string | null;
}

export interface SourceClaimUse {
  id: string;
  title: string;
  /** How the claim rests on this source. */
  roles: ('appearance' | 'cited' | 'evidence')[];
  withdrawn: boolean;
}

export interface SourceDetail extends SourceSummary {
  lang: string;
  accessed: string | null;
  reliabilityLabel: string;
  reliabilityReason: string;
  verified: boolean;
  copies: SourceCopyLink[];
  mergedInto: SourceLink | null;
  claims: SourceClaimUse[];
  evidence: (EvidenceItem & { claimTitle: string })[];
  /** The sources this one cites (from its record). */
  cites: SourceLink[];
  /** Sources whose records say they cite this one, and appearances that cited it for a claim. */
  citedBy: SourceLink[];
  citedInAppearances: { claimId: string; claimTitle: string; source: SourceLink; date: string | null }[];
  updatedAt: string;
}

/** Everything /sources/[id] and GET /api/sources/{id} show; null when no source has that id. */
export async function getSource(db: Db, id: string): Promise<SourceDetail | null> {
  if (!isSlug(id)) return null; // names nothing (and PostgreSQL refuses some such ids outright)
  const row = await db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirst();
  // A source that rests only on an unreviewed proposal is not public yet.
  if (!row || row.status !== 'accepted') return null;

  const usage = await mapClaimsBySource(db, [id]);
  const roles = new Map<string, Set<SourceClaimUse['roles'][number]>>();
  const addRole = (claimId: string, role: SourceClaimUse['roles'][number]) => roles.set(claimId, (roles.get(claimId) ?? new Set()).add(role));
  for (const r of await db.selectFrom('claim_appearance').select('claim_id').where('source_id', '=', id).execute()) addRole(r.claim_id, 'appearance');
  for (const r of await db.selectFrom('appearance_cite').select('claim_id').where('cited_source_id', '=', id).execute()) addRole(r.claim_id, 'cited');

  const evidence = await listAcceptedEvidence(db, { sourceId: id });
  evidence.forEach((e) => addRole(e.claimId, 'evidence'));

  const claimIds = [...new Set([...roles.keys()])];
  const claimRows = claimIds.length
    ? await db.selectFrom('claim').select(['id', 'title', 'is_withdrawn']).where('id', 'in', claimIds).execute()
    : [];
  const claimById = new Map(claimRows.map((c) => [c.id, c]));
  const claims: SourceClaimUse[] = claimIds
    .flatMap((cid) => {
      const c = claimById.get(cid);
      return c ? [{ id: c.id, title: c.title, roles: [...roles.get(cid)!].sort(), withdrawn: c.is_withdrawn === 1 }] : [];
    })
    .sort((a, b) => Number(a.withdrawn) - Number(b.withdrawn) || a.title.localeCompare(b.title));

  // "What cites it": sources whose own cites list names it. The list is JSON, so it is filtered
  // here rather than in SQL (portable; the sources table is small next to claims and evidence).
  const all = await db.selectFrom('source').select([...sourceLinkColumns, 'cites']).execute();
  const citedBy = all.filter((s) => s.id !== id && parseStringList(s.cites).includes(id)).map(toSourceLink);
  const ownCites = parseStringList(row.cites);
  const byId = new Map(all.map((s) => [s.id, s]));
  const cites = ownCites.map((cid) => (byId.has(cid) ? toSourceLink(byId.get(cid)!) : null)).filter((s): s is SourceLink => s !== null);

  const citedInAppearances = (
    await db
      .selectFrom('appearance_cite as ac')
      .innerJoin('claim_appearance as ca', (j) => j.onRef('ca.claim_id', '=', 'ac.claim_id').onRef('ca.position', '=', 'ac.position'))
      .innerJoin('claim as c', 'c.id', 'ac.claim_id')
      .select(['ac.claim_id', 'c.title as claim_title', 'ca.source_id', 'ca.date'])
      .where('ac.cited_source_id', '=', id)
      // Undated first, as SQLite sorts NULLs; PostgreSQL would put them last.
      .orderBy((eb) => eb.case().when('ca.date', 'is', null).then(0).else(1).end())
      .orderBy('ca.date')
      .orderBy('ac.claim_id')
      .orderBy('ac.position')
      .execute()
  ).flatMap((r) => {
    const s = byId.get(r.source_id);
    return s ? [{ claimId: r.claim_id, claimTitle: r.claim_title, source: toSourceLink(s), date: r.date }] : [];
  });

  const titles = new Map(claimRows.map((c) => [c.id, c.title]));
  const grade = toSourceLink(row).reliability;
  return {
    ...toSourceLink(row),
    authors: parseStringList(row.authors),
    claimCount: usage.claims.get(id)?.size ?? 0,
    evidenceCount: usage.evidence.get(id) ?? 0,
    lang: row.lang,
    accessed: row.accessed,
    reliabilityLabel: RELIABILITY_SCALE[grade].label,
    reliabilityReason: row.reliability_reason,
    verified: row.is_verified === 1,
    copies: parseCopies(row.copies).map((c) => ({
      url: c.url,
      kind: (COPY_KINDS as readonly string[]).includes(c.kind) ? (c.kind as SourceCopyLink['kind']) : 'mirror',
      note: c.note ?? null,
    })),
    mergedInto: row.merged_into && byId.has(row.merged_into) ? toSourceLink(byId.get(row.merged_into)!) : null,
    claims,
    evidence: evidence.map((e) => ({ ...e, claimTitle: titles.get(e.claimId) ?? e.claimId })),
    cites,
    citedBy,
    citedInAppearances,
    updatedAt: row.updated_at,
  };
}

export async function listSourceIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('source').select('id').orderBy('id').execute()).map((r) => r.id);
}

/** The article under review on the home page: title, author, date and link. */
export async function getSourceLink(db: Db, id: string): Promise<(SourceLink & { authors: string[] }) | null> {
  if (!isSlug(id)) return null;
  const row = await db.selectFrom('source').select([...sourceLinkColumns, 'authors']).where('id', '=', id).executeTakeFirst();
  return row ? { ...toSourceLink(row), authors: parseStringList(row.authors) } : null;
}
