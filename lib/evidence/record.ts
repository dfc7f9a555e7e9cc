import type { EvidenceRow } from '../../db/schema';
import { quantityOfEvidenceRow, toQuantityJson } from '../numbers/columns';

function toEvidenceQuantityJson(row: EvidenceRow) {
  const q = quantityOfEvidenceRow(row);
  return q ? toQuantityJson(q) : null;
}

/** The evidence record as the write API returns it: the stored row, camelCase, with its revision. */
export function toEvidenceRecord(row: EvidenceRow) {
  return {
    id: row.id,
    claimId: row.claim_id,
    sourceId: row.source_id,
    stance: row.stance,
    target: row.target,
    excerpt: row.excerpt,
    lang: row.lang,
    translation: row.translation,
    locator: row.locator,
    value: row.value,
    unit: row.unit,
    asOf: row.as_of,
    quantity: toEvidenceQuantityJson(row),
    note: row.note,
    status: row.status,
    retractedAt: row.retracted_at,
    retractedReason: row.retracted_reason,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewReason: row.review_reason,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  };
}
export type EvidenceRecord = ReturnType<typeof toEvidenceRecord>;
