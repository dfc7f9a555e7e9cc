import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence, reviewProposal } from '../../lib/evidence/write';
import { parseSearchParams } from '../../lib/search/params';
import { createSearchService } from '../../lib/search/service';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

describe('search and proposals', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let dirs: ReturnType<typeof copyFixture>;
  beforeEach(async () => {
    ({ db, cleanup } = await createTestDb());
    dirs = copyFixture('valid');
    await checkAndIngest(db, dirs);
  });
  afterEach(async () => {
    await cleanup();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  it('finds neither a pending proposal nor the new source it brought, until an editor accepts it', async () => {
    const service = createSearchService(db, { log: () => {} });
    const search = async (q: string) => {
      const parsed = parseSearchParams({ q });
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const res = await service.search(parsed.params);
      return { sources: res.groups.source.hits.map((h) => h.id), evidence: res.groups.evidence.hits.map((h) => h.id) };
    };
    const proposal = await createEvidence(
      db,
      'alpha-figure',
      newEvidenceInputSchema.parse({ source: { url: 'https://example.com/quokka', title: 'Quokka quarterly', type: 'news' }, stance: 'supports', excerpt: 'Quokkas counted alpha twice.', lang: 'en' }),
      { kind: 'anonymous', clientKey: 'k' },
    );
    expect(await search('quokka')).toEqual({ sources: [], evidence: [] });
    await reviewProposal(db, proposal.id, 'accept', 'Checked.', await createEditor(db));
    expect(await search('quokka')).toEqual({ sources: [proposal.source_id], evidence: [proposal.id] });
  });
});
