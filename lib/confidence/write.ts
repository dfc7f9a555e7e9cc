import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ConfidenceNoteRow, Database } from '../../db/schema';
import type { Actor } from '../auth/users';
import type { ConfidenceInput } from '../evidence/input';
import { writeWithRevisions } from '../history/revision-kernel';
import { UserFacingError } from '../shared/errors';
import { isSlug } from '../shared/vocabulary';

/** Appends a confidence note (notes are never edited: the newest is current). */
export async function addConfidenceNote(db: Kysely<Database>, claimId: string, input: ConfidenceInput, actor: Actor): Promise<ConfidenceNoteRow> {
  return writeWithRevisions(db, { actor: actor.email }, async (w) => {
    const { trx, at } = w;
    const claim = isSlug(claimId) ? await trx.selectFrom('claim').select('id').where('id', '=', claimId).executeTakeFirst() : undefined;
    if (!claim) throw new UserFacingError('not_found', `no claim has id "${claimId}"`);
    if (input.evidenceIds.length) {
      const found = await trx
        .selectFrom('evidence')
        .select('id')
        .where('id', 'in', input.evidenceIds)
        .where('claim_id', '=', claimId)
        .where('status', '=', 'accepted')
        .where('retracted_at', 'is', null)
        .execute();
      const missing = input.evidenceIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) {
        throw new UserFacingError('invalid', `not accepted evidence of claim "${claimId}": ${missing.join(', ')}`, 'evidenceIds');
      }
    }
    const row: ConfidenceNoteRow = {
      id: `cn-${randomUUID().replace(/-/g, '').slice(0, 12)}`,
      claim_id: claimId,
      confidence: input.confidence,
      verdict: input.verdict,
      reason: input.reason,
      evidence_ids: JSON.stringify([...new Set(input.evidenceIds)]),
      origin: 'user',
      seed_hash: null,
      author: actor.email,
      created_at: at,
    };
    return w.insert('confidence_note', row, { action: 'create' });
  });
}
