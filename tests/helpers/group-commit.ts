import { expect } from 'vitest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/auth/users';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence } from '../../lib/evidence/write';
import { getDataVersion } from '../../lib/history/revisions';

/**
 * Twenty evidence writes and one refused write arriving together, on either dialect: every
 * write is answered after its commit, the refused one alone with its own error, each stored
 * write has its revision, and the writes share commits (fewer version bumps than writes).
 */
export async function expectWritesGroupCommitted(db: Db, { claimId, sourceId, actor, tag }: { claimId: string; sourceId: string; actor: Actor; tag: string }): Promise<void> {
  const before = await getDataVersion(db);
  const input = (i: number) => newEvidenceInputSchema.parse({ sourceId, stance: 'context', excerpt: `${tag} ${i}`, lang: 'en' });
  const results = await Promise.allSettled([
    ...Array.from({ length: 20 }, (_, i) => createEvidence(db, claimId, input(i), { kind: 'editor', actor })),
    createEvidence(db, 'no-such-claim', input(99), { kind: 'editor', actor }),
  ]);
  expect(results.slice(0, 20).every((r) => r.status === 'fulfilled')).toBe(true);
  expect(results[20]).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
  const stored = await db.selectFrom('evidence').select('id').where('excerpt', 'like', `${tag} %`).execute();
  expect(stored).toHaveLength(20);
  const revisions = await db.selectFrom('revision').select('entity_id').where('entity_type', '=', 'evidence').where('entity_id', 'in', stored.map((r) => r.id)).execute();
  expect(revisions).toHaveLength(20);
  // One bump per commit: twenty writes arriving together share a few commits, not twenty.
  const bumps = (await getDataVersion(db)) - before;
  expect(bumps).toBeGreaterThanOrEqual(1);
  expect(bumps).toBeLessThan(20);
}
