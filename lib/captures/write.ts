import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaptureMethod, Database, NewCaptureRow } from '../../db/schema';
import { safeFetch, FetchRefusedError, type SafeFetcher } from '../fetch/safe-fetch';
import { writeWithRevisions, type RevisionWriter } from '../history/revision-kernel';
import { UserFacingError } from '../shared/errors';
import { isSlug } from '../shared/vocabulary';
import { CAPTURE_MEDIA_TYPES, extractText, type CaptureMediaType } from './extract';
import { getCaptureOrThrow, summarizeAnchors } from './queries';
import type { CaptureAdded } from './dto';

/** An archived copy over this size is refused (uploads and fetches alike). */
export const MAX_CAPTURE_BYTES = 10 * 1024 * 1024;

export interface CaptureInput {
  bytes: Buffer;
  mediaType: CaptureMediaType;
  charset?: string | null;
  fileName?: string | null;
  method: CaptureMethod;
  requestedUrl?: string | null;
  finalUrl?: string | null;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function newCaptureId(): string {
  return `cap-${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/**
 * Stores one archived copy inside a write: the capture row (a revision, insert-only) and its
 * bytes and text. The kernel then re-anchors every quote resting on the source.
 */
export async function insertCapture(w: RevisionWriter, sourceId: string, input: CaptureInput & { id?: string; capturedAt?: string; origin?: 'seed' | 'user'; actor?: string }): Promise<NewCaptureRow> {
  const source = await w.trx.selectFrom('source').select(['id', 'merged_into']).where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw new UserFacingError('not_found', `no source has id "${sourceId}"`);
  if (source.merged_into) throw new UserFacingError('invalid', `source "${sourceId}" was merged into "${source.merged_into}": archive copies there`, 'source');
  if (input.bytes.length === 0) throw new UserFacingError('invalid', 'the file is empty', 'file');
  if (input.bytes.length > MAX_CAPTURE_BYTES) throw new UserFacingError('payload_too_large', `an archived copy may be at most ${MAX_CAPTURE_BYTES / 1024 / 1024} MB`, 'file');
  if (!CAPTURE_MEDIA_TYPES.includes(input.mediaType)) throw new UserFacingError('unsupported_media_type', `archived copies are HTML, plain text or PDF, not ${input.mediaType}`, 'file');
  const extracted = await extractText(input);
  if (!extracted.text) throw new UserFacingError('invalid', 'no readable text was found in the file: nothing to check quotes against', 'file');
  const last = await w.trx.selectFrom('capture').select((eb) => eb.fn.max('seq').as('seq')).where('source_id', '=', sourceId).executeTakeFirst();
  const row: NewCaptureRow = {
    id: input.id ?? newCaptureId(),
    source_id: sourceId,
    seq: Number(last?.seq ?? 0) + 1,
    method: input.method,
    media_type: input.mediaType,
    file_name: input.fileName ?? null,
    requested_url: input.requestedUrl ?? null,
    final_url: input.finalUrl ?? null,
    raw_sha256: sha256(input.bytes),
    raw_size: input.bytes.length,
    text_sha256: sha256(extracted.text),
    text_length: [...extracted.text].length,
    title: extracted.title ? extracted.title.slice(0, 500) : null,
    extractor: extracted.extractor,
    origin: input.origin ?? 'user',
    captured_by: input.actor ?? w.actor,
    captured_at: input.capturedAt ?? w.at,
  };
  await w.insert('capture', row, { action: 'capture', actor: input.actor, reason: input.method === 'fetch' ? `fetched ${input.finalUrl ?? input.requestedUrl}` : null });
  await w.trx.insertInto('capture_content').values({ capture_id: row.id, raw: input.bytes, text: extracted.text }).execute();
  return row;
}

/** Adds an archived copy as `actor`; returns it with how the quotes resting on the source now anchor. */
export async function addCapture(db: Kysely<Database>, sourceId: string, input: CaptureInput, actor: { email: string }): Promise<CaptureAdded> {
  if (!isSlug(sourceId)) throw new UserFacingError('not_found', `no source has id "${sourceId}"`);
  const row = await writeWithRevisions(db, { actor: actor.email }, (w) => insertCapture(w, sourceId, input));
  return { capture: await getCaptureOrThrow(db, sourceId, row.id), quotes: await summarizeAnchors(db, sourceId) };
}

/** Fetches the source's own URL through the safe fetcher and archives what came back. */
export async function addCaptureFromSourceUrl(db: Kysely<Database>, sourceId: string, actor: { email: string }, fetcher: SafeFetcher = safeFetch): Promise<CaptureAdded> {
  if (!isSlug(sourceId)) throw new UserFacingError('not_found', `no source has id "${sourceId}"`);
  const source = await db.selectFrom('source').select(['url']).where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw new UserFacingError('not_found', `no source has id "${sourceId}"`);
  if (!source.url) throw new UserFacingError('invalid', 'this source has no URL to fetch: upload a file instead', 'fetch');
  let doc;
  try {
    doc = await fetcher(source.url, { accept: CAPTURE_MEDIA_TYPES, limits: { maxBytes: MAX_CAPTURE_BYTES } });
  } catch (error) {
    if (error instanceof FetchRefusedError) {
      throw new UserFacingError(error.isPolicy ? 'invalid' : 'fetch_failed', `${source.url} was not archived: ${error.message}`, 'fetch', { reason: error.reason });
    }
    throw error;
  }
  return addCapture(db, sourceId, { bytes: doc.bytes, mediaType: doc.mediaType, charset: doc.charset, method: 'fetch', requestedUrl: doc.requestedUrl, finalUrl: doc.finalUrl }, actor);
}
