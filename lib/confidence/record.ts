import type { ConfidenceNoteRow } from '../../db/schema';
import { parseStringList } from '../shared/json-columns';

/** A confidence note as the API returns it. Notes are append-only: always revision 1. */
export function toConfidenceNoteRecord(row: ConfidenceNoteRow) {
  return {
    id: row.id,
    claimId: row.claim_id,
    confidence: row.confidence,
    verdict: row.verdict,
    reason: row.reason,
    evidenceIds: parseStringList(row.evidence_ids),
    author: row.author,
    createdAt: row.created_at,
    revision: 1,
  };
}
