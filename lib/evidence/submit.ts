import type { Kysely } from 'kysely';
import type { Database, EvidenceRow } from '../../db/schema';
import type { Actor } from '../auth/users';
import { consumeRateLimit } from '../auth/rate-limit';
import { UserFacingError } from '../shared/errors';
import type { NewEvidenceInput } from './input';
import { createEvidence } from './write';

export const PROPOSAL_WINDOW_MS = 60 * 60 * 1000;

/**
 * One entry point for the API and the site's form: an editor's evidence is stored
 * accepted; anyone else's becomes a pending proposal, rate-limited per client key
 * (a 429 with the seconds to wait, and nothing stored, over the limit).
 */
export async function submitEvidence(
  db: Kysely<Database>,
  claimId: string,
  input: NewEvidenceInput,
  who: { actor: Actor | null; clientKey: string; proposalLimit: number },
): Promise<EvidenceRow> {
  if (who.actor) return createEvidence(db, claimId, input, { kind: 'editor', actor: who.actor });
  const limit = await consumeRateLimit(db, `proposal:${who.clientKey}`, { limit: who.proposalLimit, windowMs: PROPOSAL_WINDOW_MS });
  if (!limit.ok) {
    throw new UserFacingError('rate_limited', `too many proposals from this address: try again in ${limit.retryAfterSeconds} s`, undefined, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  return createEvidence(db, claimId, input, { kind: 'anonymous', clientKey: who.clientKey });
}
