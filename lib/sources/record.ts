import { parseCopies, parseStringList } from '../shared/json-columns';
import { parseCitations, toCitationRecord } from './citations';
import type { SourceContentRow } from '../../db/schema';

/** The source record as the write API returns it: the stored row, camelCase, with its revision. */
export function toSourceRecord(row: SourceContentRow) {
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    authors: parseStringList(row.authors),
    publishedAt: row.published,
    url: row.url,
    copies: parseCopies(row.copies),
    accessed: row.accessed,
    type: row.type,
    lang: row.lang,
    reliability: row.reliability,
    reliabilityReason: row.reliability_reason,
    verified: row.is_verified === 1,
    cites: parseCitations(row.cites).map(toCitationRecord),
    mergedInto: row.merged_into,
    licence: row.licence,
    textPublic: row.text_public === 1,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}
