import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/auth/users';
import { addConfidenceNote } from '../../lib/confidence/write';
import { confidenceInputSchema, newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence, retractEvidence, restoreEvidence, reviewProposal, updateEvidence } from '../../lib/evidence/write';
import { getDataVersion } from '../../lib/history/revisions';
import { UserFacingError } from '../../lib/shared/errors';
import { createSource, mergeSources, updateSource } from '../../lib/sources/write';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

const evidence = (overrides: Record<string, unknown> = {}) =>
  newEvidenceInputSchema.parse({ sourceId: 'report', stance: 'contradicts', target: 'value', excerpt: 'Alpha cost $4.3 million.', lang: 'en', ...overrides });

async function rejection(p: Promise<unknown>): Promise<UserFacingError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof UserFacingError) return error;
    throw error;
  }
  throw new Error('expected the write to be refused');
}

describe('writing evidence, sources and confidence notes', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let dirs: ReturnType<typeof copyFixture>;
  let editor: Actor;

  beforeEach(async () => {
    ({ db, cleanup } = await createTestDb());
    dirs = copyFixture('valid');
    await checkAndIngest(db, dirs);
    editor = await createEditor(db);
  });
  afterEach(async () => {
    await cleanup();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  it("accepts an editor's evidence at once, with a revision naming the editor", async () => {
    const version = await getDataVersion(db);
    const row = await createEvidence(db, 'alpha-figure', evidence({ note: 'See table 1.' }), { kind: 'editor', actor: editor });
    expect(row).toMatchObject({ status: 'accepted', revision: 1, author: 'editor@example.org', origin: 'user', claim_id: 'alpha-figure' });
    const revisions = await db.selectFrom('revision').selectAll().where('entity_id', '=', row.id).execute();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ action: 'create', actor: 'editor@example.org', revision: 1 });
    expect(await getDataVersion(db)).toBe(version + 1);
  });

  it('stores an anonymous submission as a pending proposal, with its new source pending too', async () => {
    const row = await createEvidence(
      db,
      'alpha-figure',
      evidence({ sourceId: undefined, source: { url: 'https://news.example.com/story', title: 'A story', type: 'news' } }),
      { kind: 'anonymous', clientKey: 'client-hash' },
    );
    expect(row).toMatchObject({ status: 'pending', author: 'anonymous', proposed_by: 'client-hash' });
    const source = await db.selectFrom('source').selectAll().where('id', '=', row.source_id).executeTakeFirstOrThrow();
    expect(source).toMatchObject({ status: 'pending', origin: 'user', url: 'https://news.example.com/story' });

    const accepted = await reviewProposal(db, row.id, 'accept', 'Checked against the original.', editor);
    expect(accepted).toMatchObject({ status: 'accepted', reviewed_by: 'editor@example.org', review_reason: 'Checked against the original.', revision: 2 });
    expect((await db.selectFrom('source').select('status').where('id', '=', row.source_id).executeTakeFirstOrThrow()).status).toBe('accepted');
  });

  it('keeps a proposal’s new source private: another proposal of it joins quietly, an editor who uses it accepts it', async () => {
    const inline = (url: string) => evidence({ sourceId: undefined, source: { url, title: 'Private draft', type: 'news' } });
    const first = await createEvidence(db, 'alpha-figure', inline('https://news.example.com/draft'), { kind: 'anonymous', clientKey: 'a' });
    // A second anonymous proposal of the same URL is not told about the first one: it joins it.
    const second = await createEvidence(db, 'beta-figure', inline('https://news.example.com/draft/'), { kind: 'anonymous', clientKey: 'b' });
    expect(second.source_id).toBe(first.source_id);
    // An editor is shown the pending duplicate…
    const dup = await rejection(createEvidence(db, 'alpha-figure', inline('https://news.example.com/draft'), { kind: 'editor', actor: editor }));
    expect(dup.details?.existing).toMatchObject({ id: first.source_id });
    // …and resting accepted evidence on it makes it public, recorded as a revision.
    await createEvidence(db, 'alpha-figure', evidence({ sourceId: first.source_id }), { kind: 'editor', actor: editor });
    expect((await db.selectFrom('source').select('status').where('id', '=', first.source_id).executeTakeFirstOrThrow()).status).toBe('accepted');
    const rev = await db.selectFrom('revision').select(['action', 'actor']).where('entity_id', '=', first.source_id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(rev).toEqual({ action: 'accept', actor: 'editor@example.org' });
  });

  it('accepts a proposal’s source when a restore puts accepted evidence back on it', async () => {
    const p = await createEvidence(db, 'alpha-figure', evidence({ sourceId: undefined, source: { url: 'https://news.example.com/p', title: 'Pending paper', type: 'news' } }), { kind: 'anonymous', clientKey: 'a' });
    const moved = await updateEvidence(db, p.id, { sourceId: 'report' }, 1, editor);
    const accepted = await reviewProposal(db, p.id, 'accept', 'ok', editor);
    expect(accepted.source_id).toBe('report');
    expect((await db.selectFrom('source').select('status').where('id', '=', p.source_id).executeTakeFirstOrThrow()).status).toBe('pending');
    await restoreEvidence(db, p.id, 1, moved.revision + 1, editor);
    expect((await db.selectFrom('source').select('status').where('id', '=', p.source_id).executeTakeFirstOrThrow()).status).toBe('accepted');
  });

  it('rejects a proposal’s new source with its last proposal, and refuses to merge into a source that is not public', async () => {
    const p = await createEvidence(db, 'alpha-figure', evidence({ sourceId: undefined, source: { url: 'https://spam.example.com/x', title: 'Spam', type: 'blog' } }), { kind: 'anonymous', clientKey: 'a' });
    const merge = await rejection(mergeSources(db, 'essay', p.source_id, 'same', editor));
    expect(merge.field).toBe('into');
    await reviewProposal(db, p.id, 'reject', 'Spam.', editor);
    expect((await db.selectFrom('source').select('status').where('id', '=', p.source_id).executeTakeFirstOrThrow()).status).toBe('rejected');
    // A rejected source no longer blocks or absorbs new submissions of the same URL.
    const fresh = await createEvidence(db, 'alpha-figure', evidence({ sourceId: undefined, source: { url: 'https://spam.example.com/x', title: 'Now real', type: 'blog' } }), { kind: 'editor', actor: editor });
    expect(fresh.source_id).not.toBe(p.source_id);
    expect((await rejection(createEvidence(db, 'alpha-figure', evidence({ sourceId: p.source_id }), { kind: 'anonymous', clientKey: 'a' }))).field).toBe('sourceId');
  });

  it('requires a reason to reject a proposal and keeps who rejected it and why', async () => {
    const row = await createEvidence(db, 'alpha-figure', evidence(), { kind: 'anonymous', clientKey: 'k' });
    expect((await rejection(reviewProposal(db, row.id, 'reject', null, editor))).field).toBe('reason');
    const rejected = await reviewProposal(db, row.id, 'reject', 'Not in the cited table.', editor);
    expect(rejected).toMatchObject({ status: 'rejected', reviewed_by: 'editor@example.org', review_reason: 'Not in the cited table.' });
    expect((await rejection(reviewProposal(db, row.id, 'accept', null, editor))).code).toBe('conflict');
  });

  it('refuses an edit without If-Match (428) and a stale one (412), keeping both versions intact', async () => {
    const row = await createEvidence(db, 'alpha-figure', evidence(), { kind: 'editor', actor: editor });
    expect((await rejection(updateEvidence(db, row.id, { locator: 'p. 2' }, null, editor))).status).toBe(428);

    const first = await updateEvidence(db, row.id, { locator: 'p. 2' }, 1, editor);
    expect(first.revision).toBe(2);
    const stale = await rejection(updateEvidence(db, row.id, { locator: 'p. 9' }, 1, editor));
    expect(stale.status).toBe(412);
    expect(stale.details?.current).toMatchObject({ locator: 'p. 2', revision: 2 });

    const stored = await db.selectFrom('evidence').select(['locator', 'revision']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ locator: 'p. 2', revision: 2 });
    const log = await db.selectFrom('revision').select(['revision', 'snapshot']).where('entity_id', '=', row.id).orderBy('id').execute();
    expect(log.map((r) => [r.revision, JSON.parse(r.snapshot).locator])).toEqual([[1, null], [2, 'p. 2']]);
  });

  it('retracts with a reason, then restores exactly the earlier content as a new revision', async () => {
    const row = await createEvidence(db, 'alpha-figure', evidence({ translation: null, note: 'Original note.', locator: 'table 1' }), { kind: 'editor', actor: editor });
    const edited = await updateEvidence(db, row.id, { note: 'Edited note.' }, 1, editor);
    const retracted = await retractEvidence(db, row.id, 'Wrong table.', edited.revision, editor);
    expect(retracted).toMatchObject({ retracted_reason: 'Wrong table.', revision: 3 });
    expect(retracted.retracted_at).not.toBeNull();

    expect((await rejection(restoreEvidence(db, row.id, null, null, editor))).status).toBe(428);
    expect((await rejection(restoreEvidence(db, row.id, null, 2, editor))).status).toBe(412);
    const restored = await restoreEvidence(db, row.id, null, 3, editor);
    const content = (r: typeof row) => ({ ...r, revision: 0, updated_at: '' });
    expect(content(restored)).toEqual(content(edited));
    expect(restored.revision).toBe(4);

    const toFirst = await restoreEvidence(db, row.id, 1, 4, editor);
    expect(toFirst.note).toBe('Original note.');
    const actions = await db.selectFrom('revision').select('action').where('entity_id', '=', row.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'retract', 'restore', 'restore']);
  });

  it('detects a duplicate source by normalised URL and offers the existing one', async () => {
    const error = await rejection(
      createEvidence(db, 'alpha-figure', evidence({ sourceId: undefined, source: { url: 'http://www.example.org/essay/?utm_source=x#top', title: 'Same essay', type: 'blog' } }), { kind: 'editor', actor: editor }),
    );
    expect(error.status).toBe(409);
    expect(error.details?.existing).toMatchObject({ id: 'essay' });
    // The mirror of the essay is the same document too.
    const viaMirror = await rejection(createSource(db, { url: 'https://mirror.example.org/essay', doi: null, title: 'x', publisher: null, authors: [], publishedAt: null, type: 'blog', lang: 'en', reliability: 'U', reliabilityReason: 'x' }, editor));
    expect(viaMirror.details?.existing).toMatchObject({ id: 'essay' });
    expect(await db.selectFrom('evidence').select('id').where('origin', '=', 'user').execute()).toEqual([]);
  });

  it('edits a source with If-Match and merges two sources, moving the evidence and recording it', async () => {
    const src = await createSource(db, { url: 'https://example.net/copy-of-report', doi: null, title: 'Report copy', publisher: null, authors: [], publishedAt: '2024', type: 'report', lang: 'en', reliability: 'C', reliabilityReason: 'A copy.' }, editor);
    const ev = await createEvidence(db, 'alpha-figure', evidence({ sourceId: src.id }), { kind: 'editor', actor: editor });
    expect((await rejection(updateSource(db, src.id, { reliability: 'B' }, 7, editor))).status).toBe(412);
    await updateSource(db, src.id, { reliability: 'B', reliabilityReason: 'Checked.' }, 1, editor);

    const { movedEvidence } = await mergeSources(db, src.id, 'report', 'Same report', editor);
    expect(movedEvidence).toEqual([ev.id]);
    expect((await db.selectFrom('evidence').select('source_id').where('id', '=', ev.id).executeTakeFirstOrThrow()).source_id).toBe('report');
    expect((await db.selectFrom('source').select('merged_into').where('id', '=', src.id).executeTakeFirstOrThrow()).merged_into).toBe('report');
    const actions = await db.selectFrom('revision').select(['entity_id', 'action']).where('action', 'in', ['merge', 'merge-source']).execute();
    expect(actions).toEqual(expect.arrayContaining([{ entity_id: src.id, action: 'merge' }, { entity_id: ev.id, action: 'merge-source' }]));
  });

  it('appends confidence notes resting only on accepted evidence of the same claim', async () => {
    const input = confidenceInputSchema.parse({ confidence: 0.9, verdict: 'false', reason: 'Two primary sources agree.', evidenceIds: ['ev-alpha-report'] });
    const note = await addConfidenceNote(db, 'alpha-figure', input, editor);
    expect(note).toMatchObject({ claim_id: 'alpha-figure', confidence: 0.9, verdict: 'false', author: 'editor@example.org' });
    const wrongClaim = confidenceInputSchema.parse({ confidence: 0.5, reason: 'x', evidenceIds: ['ev-alpha-report'] });
    expect((await rejection(addConfidenceNote(db, 'beta-figure', wrongClaim, editor))).field).toBe('evidenceIds');
    expect((await rejection(addConfidenceNote(db, 'no-such-claim', wrongClaim, editor))).status).toBe(404);
  });

  it('validates submitted evidence: stance, lang, verbatim excerpt, URL scheme, unknown fields', () => {
    const bad = (v: Record<string, unknown>) => {
      const r = newEvidenceInputSchema.safeParse({ sourceId: 'report', stance: 'supports', excerpt: 'x', lang: 'en', ...v });
      return r.success ? null : r.error.issues[0]!.path.join('.');
    };
    expect(bad({})).toBeNull();
    expect(bad({ stance: 'agrees' })).toBe('stance');
    expect(bad({ lang: 'not a tag' })).toBe('lang');
    expect(bad({ excerpt: 'cut … here' })).toBe('excerpt');
    expect(bad({ sourceId: undefined, source: { url: 'javascript:alert(1)', title: 't', type: 'news' } })).toBe('source.url');
    expect(bad({ extra: 1 })).toBe('');
    expect(bad({ value: 3 })).toBe('unit');
    expect(bad({ asOf: '2025-13' })).toBe('asOf');
    expect(bad({ asOf: '2025-02-29' })).toBe('asOf');
    expect(bad({ asOf: '2024-02-29' })).toBeNull();
    expect(bad({ note: 'tab\tand\nnewline are fine' })).toBeNull();
    expect(bad({ note: 'NUL \u0000 is not' })).toBe('note');
    expect(bad({ sourceId: undefined, source: { url: 'https://x.org/a', title: 'ESC \u001b[31m', type: 'news' } })).toBe('source.title');
    expect(bad({ lang: 'x'.repeat(40) })).toBe('lang');
    expect(bad({ sourceId: undefined, source: { url: 'http://a.example/\u0000x', title: 't', type: 'news' } })).toBe('source.url');
  });
});
