import type { Kysely, Selectable } from 'kysely';
import type { CaptureTable, Database, QuoteAnchorTable } from '../../db/schema';
import { ANCHOR_STATUSES, type AnchorStatus } from '../quotes/anchor';
import { evidenceKey, passageKey } from '../quotes/refresh';
import { UserFacingError } from '../shared/errors';
import { isSlug } from '../shared/vocabulary';
import type { AnchorCounts, CaptureSummary, CaptureText, QuoteAnchor } from './dto';

type Db = Kysely<Database>;

/** At most this many captures are listed per source (newest first), with the count of all. */
export const CAPTURE_LIST_LIMIT = 50;

const CAPTURE_COLUMNS = [
  'id', 'source_id', 'seq', 'captured_at', 'captured_by', 'method', 'media_type', 'file_name', 'requested_url', 'final_url',
  'raw_sha256', 'raw_size', 'text_sha256', 'text_length', 'title', 'extractor',
] as const;

type CaptureListRow = Pick<Selectable<CaptureTable>, (typeof CAPTURE_COLUMNS)[number]>;

/** The one mapper from a capture row to what pages and the API show. */
export function toCaptureSummary(r: CaptureListRow): CaptureSummary {
  return {
    id: r.id,
    sourceId: r.source_id,
    seq: r.seq,
    capturedAt: r.captured_at,
    capturedBy: r.captured_by,
    method: r.method,
    mediaType: r.media_type,
    fileName: r.file_name,
    requestedUrl: r.requested_url,
    finalUrl: r.final_url,
    sha256: r.raw_sha256,
    size: r.raw_size,
    textSha256: r.text_sha256,
    textLength: r.text_length,
    title: r.title,
    extractor: r.extractor,
  };
}

/** A source's captures, newest first (bounded), and how many it has. */
export async function listCaptures(db: Db, sourceId: string, limit = CAPTURE_LIST_LIMIT): Promise<{ items: CaptureSummary[]; total: number }> {
  if (!isSlug(sourceId)) return { items: [], total: 0 };
  const rows = await db.selectFrom('capture').select(CAPTURE_COLUMNS).where('source_id', '=', sourceId).orderBy('seq', 'desc').limit(limit).execute();
  const total = rows.length < limit ? rows.length : Number((await db.selectFrom('capture').select((eb) => eb.fn.countAll<number>().as('n')).where('source_id', '=', sourceId).executeTakeFirstOrThrow()).n);
  return { items: rows.map(toCaptureSummary), total };
}

export async function getCaptureOrThrow(db: Db, sourceId: string, captureId: string): Promise<CaptureSummary> {
  const row = await db.selectFrom('capture').select(CAPTURE_COLUMNS).where('id', '=', captureId).where('source_id', '=', sourceId).executeTakeFirst();
  if (!row) throw new UserFacingError('not_found', `source "${sourceId}" has no archived copy "${captureId}"`);
  return toCaptureSummary(row);
}

/** Whether readers may see the full text of a source's captures (its licence allows it). */
export async function isSourceTextPublic(db: Db, sourceId: string): Promise<boolean> {
  const row = await db.selectFrom('source').select('text_public').where('id', '=', sourceId).executeTakeFirst();
  return row?.text_public === 1;
}

/**
 * A capture with its full text. Copyright: the text is for editors, unless the source is marked
 * public; anyone else is told it exists but not given it (403).
 */
export async function getCaptureTextOrThrow(db: Db, sourceId: string, captureId: string, viewer: { editor: boolean }): Promise<CaptureText> {
  if (!isSlug(sourceId) || !/^[a-z0-9-]{1,80}$/.test(captureId)) throw new UserFacingError('not_found', `source "${sourceId}" has no archived copy "${captureId}"`);
  const summary = await getCaptureOrThrow(db, sourceId, captureId);
  const source = await db.selectFrom('source').select(['text_public', 'licence']).where('id', '=', sourceId).executeTakeFirstOrThrow();
  if (!viewer.editor && source.text_public !== 1) {
    throw new UserFacingError('forbidden', 'the full text of this archived copy is shown to editors only: its source is not marked as openly licensed');
  }
  const content = await db.selectFrom('capture_content').select('text').where('capture_id', '=', captureId).executeTakeFirstOrThrow();
  return { ...summary, text: content.text, licence: source.licence };
}

function emptyCounts(): Record<AnchorStatus, number> {
  return Object.fromEntries(ANCHOR_STATUSES.map((s) => [s, 0])) as Record<AnchorStatus, number>;
}

/** How the counted quotes resting on a source anchor now (one grouped index range). */
export async function summarizeAnchors(db: Db, sourceId: string): Promise<AnchorCounts> {
  const rows = await db
    .selectFrom('quote_anchor')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('source_id', '=', sourceId)
    .where('counts', '=', 1)
    .groupBy('status')
    .execute();
  const byStatus = emptyCounts();
  for (const r of rows) byStatus[r.status as AnchorStatus] = Number(r.n);
  return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
}

/** The one mapper from an anchor row to its DTO. */
export function toQuoteAnchor(r: Selectable<QuoteAnchorTable>): QuoteAnchor {
  const found = r.exact !== null && r.start_pos !== null && r.end_pos !== null;
  return {
    status: r.status as AnchorStatus,
    captureId: r.capture_id,
    capturedAt: r.captured_at,
    selectors: found
      ? [
          { type: 'TextQuoteSelector', exact: r.exact!, prefix: r.prefix ?? '', suffix: r.suffix ?? '' },
          { type: 'TextPositionSelector', start: r.start_pos!, end: r.end_pos! },
        ]
      : null,
    distance: r.distance,
    occurrences: r.occurrences,
  };
}

/** Anchors of these evidence entries, by id (one primary-key lookup per entry shown). */
export async function getEvidenceAnchors(db: Db, evidenceIds: string[]): Promise<Map<string, QuoteAnchor>> {
  const out = new Map<string, QuoteAnchor>();
  for (let i = 0; i < evidenceIds.length; i += 300) {
    const keys = evidenceIds.slice(i, i + 300).map(evidenceKey);
    for (const r of await db.selectFrom('quote_anchor').selectAll().where('quote_key', 'in', keys).execute()) out.set(r.evidence_id!, toQuoteAnchor(r));
  }
  return out;
}

/** Anchors of a claim's passages, by position. */
export async function getPassageAnchors(db: Db, claimId: string, positions: number[]): Promise<Map<number, QuoteAnchor>> {
  const out = new Map<number, QuoteAnchor>();
  if (positions.length === 0) return out;
  const rows = await db.selectFrom('quote_anchor').selectAll().where('quote_key', 'in', positions.map((p) => passageKey(claimId, p))).execute();
  for (const r of rows) out.set(r.passage_position!, toQuoteAnchor(r));
  return out;
}

/** The same evidence items, each with its anchor (one lookup by key for the items given). */
export async function withEvidenceAnchors<T extends { id: string }>(db: Db, items: T[]): Promise<(T & { anchor: QuoteAnchor | null })[]> {
  const anchors = await getEvidenceAnchors(db, items.map((i) => i.id));
  return items.map((i) => ({ ...i, anchor: anchors.get(i.id) ?? null }));
}

/** What the source page shows about archived copies: the newest (bounded), the count, and whether readers may see the text. */
export async function getSourceCaptures(db: Db, sourceId: string): Promise<{ items: CaptureSummary[]; total: number; textPublic: boolean; licence: string | null }> {
  const { items, total } = await listCaptures(db, sourceId);
  const source = isSlug(sourceId) ? await db.selectFrom('source').select(['text_public', 'licence']).where('id', '=', sourceId).executeTakeFirst() : undefined;
  return { items, total, textPublic: source?.text_public === 1, licence: source?.licence ?? null };
}

/** GET /api/sources/{id}/captures: an accepted source's archived copies and how its quotes anchor (404 for anything else). */
export async function getCaptureListOrThrow(db: Db, sourceId: string) {
  const source = isSlug(sourceId)
    ? await db.selectFrom('source').select(['id', 'text_public', 'licence']).where('id', '=', sourceId).where('status', '=', 'accepted').executeTakeFirst()
    : undefined;
  if (!source) throw new UserFacingError('not_found', `no source has id "${sourceId}"`);
  const { items, total } = await listCaptures(db, sourceId);
  return { sourceId, textPublic: source.text_public === 1, licence: source.licence, total, items, quotes: await summarizeAnchors(db, sourceId) };
}
