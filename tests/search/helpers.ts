import type { Db } from '../../db/client';
import type { NewClaimRow, NewEvidenceRow, NewSourceRow } from '../../db/schema';
import { bumpDataVersion, recordRevision } from '../../lib/history/revisions';

/** Writes rows the way the app's writers do: row + revision log + data version, in one transaction. */

const AT = '2026-11-28T00:00:00.000Z';

export async function insertClaim(db: Db, c: Partial<NewClaimRow> & { id: string; title: string; statement: string }, topics: string[] = []) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('claim')
      .values({
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
      })
      .execute();
    if (topics.length) await trx.insertInto('claim_topic').values(topics.map((topic) => ({ claim_id: c.id, topic }))).execute();
    // Claims change through ingest runs: log one so that refreshes see it.
    await trx
      .insertInto('ingest_run')
      .values({ started_at: AT, finished_at: AT, added: 1, updated: 0, unchanged: 0, withdrawn: 0, report: JSON.stringify({ added: [c.id], updated: [], withdrawn: [] }) })
      .execute();
    await bumpDataVersion(trx, AT);
  });
}

export async function insertSource(db: Db, s: Partial<NewSourceRow> & { id: string; title: string }) {
  await db.transaction().execute(async (trx) => {
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
    await trx.insertInto('source').values(row).execute();
    await recordRevision(trx, { entityType: 'source', entityId: s.id, revision: 1, action: 'create', before: null, after: row as unknown as Record<string, unknown>, actor: 'test', at: AT });
    await bumpDataVersion(trx, AT);
  });
}

export async function insertEvidence(
  db: Db,
  e: Partial<NewEvidenceRow> & { id: string; claim_id: string; source_id: string; excerpt: string },
  options: { log?: boolean } = {},
) {
  await db.transaction().execute(async (trx) => {
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
    await trx.insertInto('evidence').values(row).execute();
    if (options.log !== false) {
      await recordRevision(trx, { entityType: 'evidence', entityId: e.id, revision: 1, action: 'create', before: null, after: row as unknown as Record<string, unknown>, actor: 'test', at: AT });
    }
    await bumpDataVersion(trx, new Date().toISOString());
  });
}
