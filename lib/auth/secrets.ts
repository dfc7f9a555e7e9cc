import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret with a readable prefix (so a leaked one is recognisable in logs). */
export function createSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Only hashes of tokens and session ids are stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
