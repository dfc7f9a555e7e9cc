import fs from 'node:fs';
import path from 'node:path';
import { checkClaimsAndSeed } from '../../lib/claims/check';
import { ingestCorpus } from '../../lib/claims/ingest';
import type { Db } from '../../db/client';
import { makeTempDir } from './test-db';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

/** Copies a fixture set (claims/ + seed/) into a temp folder that a test may change. */
export function copyFixture(name = 'valid'): { root: string; claimsDir: string; seedDir: string } {
  const root = makeTempDir('claim-ledger-fixture-');
  fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return { root, claimsDir: path.join(root, 'claims'), seedDir: path.join(root, 'seed') };
}

/** Check then ingest a fixture folder; throws with the problems if the check fails. */
export async function checkAndIngest(db: Db, dirs: { root: string; claimsDir: string; seedDir: string }) {
  const result = await checkClaimsAndSeed({ claimsDir: dirs.claimsDir, seedDir: dirs.seedDir, displayRoot: dirs.root });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.field}: ${p.message}`).join('\n'));
  return ingestCorpus(db, result.corpus);
}
