import type { Db } from '../../db/client';
import type { NewClaimRow, NewEvidenceRow, NewSourceRow } from '../../db/schema';
import { writeWithRevisions } from '../../lib/history/revision-kernel';

/** Writes rows the way the app's writers do: through the revision kernel (row, revision, derived state, data version). */

const AT = '2026-11-28T00:00:00.000Z';

export async function insertClaim(db: Db, c: Partial<NewClaimRow> & { id: string; title: string; statement: string }, topics: string[] = []) {
  await writeWithRevisions(db, { actor: 'test', at: AT }, async (w) => {
    await w.insert(
      'claim',
      {
        file_path: `claims/${c.id}.mdx`,
        original_lang: 'zh-Hant',
        original_text: '',
        original_translation: '',
        claimant: 'Someone',
        verdict: 'mixed',
        verdict_date: '2026-11-01',
        body_mdx: '',
        body_tree: '{}',
        body_text: '',
        content_hash: c.id,
        is_withdrawn: 0,
        ingested_at: AT,
        updated_at: AT,
        ...c,
      },
      { action: 'create' },
    );
    if (topics.length) await w.trx.insertInto('claim_topic').values(topics.map((topic) => ({ claim_id: c.id, topic }))).execute();
  });
}

export async function insertSource(db: Db, s: Partial<NewSourceRow> & { id: string; title: string }) {
  await writeWithRevisions(db, { actor: 'test', at: AT }, async (w) => {
    const row: NewSourceRow = {
      publisher: null,
      authors: '[]',
      published: null,
      url: null,
      copies: '[]',
      accessed: null,
      type: 'report',
      lang: 'en',
      reliability: 'B',
      reliability_reason: 'test',
      is_verified: 1,
      cites: '[]',
      merged_into: null,
      origin: 'user',
      seed_hash: null,
      revision: 1,
      created_by: 'test',
      created_at: AT,
      updated_at: AT,
      ...s,
    };
    await w.insert('source', row, { action: 'create' });
  });
}

export async function insertEvidence(db: Db, e: Partial<NewEvidenceRow> & { id: string; claim_id: string; source_id: string; excerpt: string }) {
  await writeWithRevisions(db, { actor: 'test' }, async (w) => {
    const row: NewEvidenceRow = {
      stance: 'supports',
      target: 'value',
      lang: 'en',
      translation: null,
      locator: null,
      value: null,
      unit: null,
      as_of: null,
      note: null,
      status: 'accepted',
      retracted_at: null,
      retracted_reason: null,
      origin: 'user',
      seed_hash: null,
      revision: 1,
      author: 'test',
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      ...e,
    };
    await w.insert('evidence', row, { action: 'create' });
  });
}
