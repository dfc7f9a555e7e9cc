import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { withWriteTransaction } from '../../db/transaction';
import type { Actor } from '../../lib/auth/users';
import { addConfidenceNote } from '../../lib/confidence/write';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence, retractEvidence, reviewProposal } from '../../lib/evidence/write';
import { rebuildDerivedState } from '../../lib/history/derived-state';
import { DERIVED_COLUMNS } from '../../lib/history/revision-kernel';
import { getDataVersion } from '../../lib/history/revisions';
import { mergeSources, updateSource } from '../../lib/sources/write';
import { createEditor } from '../helpers/actors';
import { expectWritesGroupCommitted } from '../helpers/group-commit';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

/** Everything derived: the derived columns of claims and sources, and the derived tables. */
async function readDerived(db: Db) {
  const claimColumns = DERIVED_COLUMNS.claim.filter((c) => c !== 'body_tree' && c !== 'body_text');
  return {
    claims: await db.selectFrom('claim').select(['id', ...claimColumns]).orderBy('id').execute(),
    sources: await db.selectFrom('source').select(['id', ...DERIVED_COLUMNS.source]).orderBy('id').execute(),
    topics: await db.selectFrom('claim_topic').selectAll().orderBy('claim_id').orderBy('topic').execute(),
    facets: await db.selectFrom('facet_count').selectAll().orderBy('facet').orderBy('value').execute(),
    uses: await db.selectFrom('source_claim').selectAll().orderBy('source_id').orderBy('claim_id').execute(),
    cites: await db.selectFrom('source_cite').selectAll().orderBy('source_id').orderBy('cited_source_id').execute(),
    identities: await db.selectFrom('source_identity').selectAll().orderBy('identity_key').orderBy('source_id').execute(),
    numbers: await db.selectFrom('claim_number').selectAll().orderBy('claim_id').execute(),
    conflicts: await db.selectFrom('number_conflict').selectAll().orderBy('claim_id').orderBy('other_claim_id').execute(),
    series: await db.selectFrom('number_series').selectAll().orderBy('family').execute(),
    anchors: await db.selectFrom('quote_anchor').selectAll().orderBy('quote_key').execute(),
  };
}

type Op =
  | { kind: 'evidence'; claim: string; source: string; asOf: string; proposal: boolean }
  | { kind: 'note'; claim: string; verdict: string | null; confidence: number | null; day: number }
  | { kind: 'retract-last' }
  | { kind: 'accept-proposals' }
  | { kind: 'redate-source'; source: string; published: string }
  | { kind: 'merge'; from: string; into: string }
  | { kind: 'withdraw'; claim: string };

const CLAIMS = ['alpha-figure', 'beta-figure'];
const SOURCES = ['blog-post', 'essay', 'report'];
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('evidence' as const), claim: fc.constantFrom(...CLAIMS), source: fc.constantFrom(...SOURCES), asOf: fc.constantFrom('2020', '2026-12', '2027-03-01'), proposal: fc.boolean() }),
  fc.record({ kind: fc.constant('note' as const), claim: fc.constantFrom(...CLAIMS), verdict: fc.constantFrom(null, 'false', 'supported', 'mixed'), confidence: fc.constantFrom(null, 0.2, 0.5, 0.9), day: fc.integer({ min: 1, max: 28 }) }),
  fc.constant({ kind: 'retract-last' as const }),
  fc.constant({ kind: 'accept-proposals' as const }),
  fc.record({ kind: fc.constant('redate-source' as const), source: fc.constantFrom(...SOURCES), published: fc.constantFrom('2019', '2027-06') }),
  fc.record({ kind: fc.constant('merge' as const), from: fc.constantFrom(...SOURCES), into: fc.constantFrom(...SOURCES) }),
  fc.record({ kind: fc.constant('withdraw' as const), claim: fc.constantFrom(...CLAIMS) }),
);

async function apply(db: Db, editor: Actor, dirs: ReturnType<typeof copyFixture>, o: Op): Promise<void> {
  const tolerate = async (p: Promise<unknown>) => {
    // A refused write (a merge into a merged source, a retraction of a retracted entry…) must
    // leave everything as it was; the comparison below checks that too.
    await p.catch((error: { code?: string }) => {
      if (!error.code) throw error;
    });
  };
  switch (o.kind) {
    case 'evidence': {
      const input = newEvidenceInputSchema.parse({ sourceId: o.source, stance: 'qualifies', excerpt: `An entry as of ${o.asOf}.`, lang: 'en', asOf: o.asOf,
        // Figures on the numeric claim, so that its comparison, chart and series move too.
        ...(o.claim === 'alpha-figure' && { quantity: { text: o.asOf === '2020' ? 'US$4.3M' : 'over $100 million' } }) });
      await tolerate(createEvidence(db, o.claim, input, o.proposal ? { kind: 'anonymous', clientKey: 'k' } : { kind: 'editor', actor: editor }));
      return;
    }
    case 'note':
      await addConfidenceNote(db, o.claim, { confidence: o.confidence, verdict: o.verdict as never, reason: 'A note.', evidenceIds: [] }, editor);
      return;
    case 'retract-last': {
      const last = await db.selectFrom('evidence').select(['id', 'revision']).where('origin', '=', 'user').where('status', '=', 'accepted').orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
      if (last) await tolerate(retractEvidence(db, last.id, 'wrong', last.revision, editor));
      return;
    }
    case 'accept-proposals':
      for (const p of await db.selectFrom('evidence').select('id').where('status', '=', 'pending').execute()) await tolerate(reviewProposal(db, p.id, 'accept', null, editor));
      return;
    case 'redate-source': {
      const row = await db.selectFrom('source').select('revision').where('id', '=', o.source).executeTakeFirstOrThrow();
      await tolerate(updateSource(db, o.source, { publishedAt: o.published }, row.revision, editor));
      return;
    }
    case 'merge':
      await tolerate(mergeSources(db, o.from, o.into, 'same document', editor));
      return;
    case 'withdraw': {
      const file = path.join(dirs.claimsDir, `${o.claim}.mdx`);
      if (!fs.existsSync(file)) return;
      // Seed evidence and notes name the claims: withdraw only what the seed does not name.
      fs.renameSync(file, `${file}.gone`);
      try {
        await checkAndIngest(db, dirs);
      } catch {
        fs.renameSync(`${file}.gone`, file);
      }
      return;
    }
  }
}

describe('derived state', () => {
  it('refreshed write by write, always equals a full rebuild from the base rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const { db, cleanup } = await createTestDb();
        const dirs = copyFixture();
        try {
          await checkAndIngest(db, dirs);
          const editor = await createEditor(db);
          for (const o of ops) await apply(db, editor, dirs, o);
          const incremental = await readDerived(db);
          await withWriteTransaction(db, (trx) => rebuildDerivedState(trx));
          expect(await readDerived(db)).toEqual(incremental);
        } finally {
          await cleanup();
          fs.rmSync(dirs.root, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('grouped into one commit (writes arriving together), still equals a full rebuild, each refused write refused alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op.filter((o) => o.kind !== 'withdraw'), { minLength: 2, maxLength: 10 }), async (ops) => {
        const { db, cleanup } = await createTestDb();
        const dirs = copyFixture();
        try {
          await checkAndIngest(db, dirs);
          const editor = await createEditor(db);
          await Promise.all(ops.map((o) => apply(db, editor, dirs, o)));
          const incremental = await readDerived(db);
          await withWriteTransaction(db, (trx) => rebuildDerivedState(trx));
          expect(await readDerived(db)).toEqual(incremental);
        } finally {
          await cleanup();
          fs.rmSync(dirs.root, { recursive: true, force: true });
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('answers every write of a group after its commit, a refused one with its own error, and bumps the version once per group', async () => {
    const { db, cleanup } = await createTestDb();
    const dirs = copyFixture();
    try {
      await checkAndIngest(db, dirs);
      const actor = await createEditor(db);
      await expectWritesGroupCommitted(db, { claimId: 'alpha-figure', sourceId: 'report', actor, tag: 'grouped' });
    } finally {
      await cleanup();
      fs.rmSync(dirs.root, { recursive: true, force: true });
    }
  });

  it('counts claims per verdict and per source in facet_count, moving a claim when a note changes its verdict', async () => {
    const { db, cleanup } = await createTestDb();
    try {
      await checkAndIngest(db, copyFixture());
      const editor = await createEditor(db);
      const count = async (facet: string, value: string) =>
        (await db.selectFrom('facet_count').select('count').where('facet', '=', facet).where('value', '=', value).executeTakeFirst())?.count ?? 0;
      expect(await count('all', '')).toBe(2);
      expect(await count('verdict', 'misleading')).toBe(1);
      const before = await getDataVersion(db);
      await addConfidenceNote(db, 'alpha-figure', { confidence: 0.9, verdict: 'false', reason: 'Re-read.', evidenceIds: [] }, editor);
      expect(await count('verdict', 'misleading')).toBe(0);
      expect(await count('verdict', 'false')).toBe(1);
      expect(await count('source-verdict:essay', 'false')).toBe(1);
      expect(await count('band', 'high')).toBe(1);
      expect(await getDataVersion(db)).toBe(before + 1);
    } finally {
      await cleanup();
    }
  });
});
