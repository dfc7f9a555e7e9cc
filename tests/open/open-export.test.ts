import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test as base } from 'vitest';
import type { Db } from '../../db/client';
import { createApiToken, signIn, type Actor } from '../../lib/auth/users';
import { addCapture } from '../../lib/captures/write';
import { addConfidenceNote } from '../../lib/confidence/write';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence, reviewProposal } from '../../lib/evidence/write';
import { OPEN_DATA_TABLES } from '../../lib/open-data/dictionary';
import { writeOpenDataset } from '../../lib/open-data/export';
import { createEditor, EDITOR_EMAIL, EDITOR_PASSWORD } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb, makeTempDir } from '../helpers/test-db';

const test = base.extend<{ db: Db; editor: Actor; outDir: string }>({
  db: async ({}, provide) => {
    const t = await createTestDb();
    await checkAndIngest(t.db, copyFixture());
    await provide(t.db);
    await t.cleanup();
  },
  editor: async ({ db }, provide) => {
    await provide(await createEditor(db));
  },
  outDir: async ({}, provide) => {
    const dir = makeTempDir('claim-ledger-open-');
    await provide(path.join(dir, 'open'));
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

const SECRET = {
  proposalExcerpt: 'PLANTED-PROPOSAL-EXCERPT an unreviewed quote',
  rejectedExcerpt: 'PLANTED-REJECTED-EXCERPT a rejected quote',
  pendingSourceTitle: 'PLANTED-PENDING-SOURCE only in a proposal',
  captureText: 'PLANTED-CAPTURE-TEXT the full text of an archived copy that is not public',
  draftTitle: 'PLANTED-DRAFT-CLAIM',
  noteReason: 'Planted note by a named editor.',
};

/** Every byte of every file the export wrote. */
function readAll(dir: string): string {
  return fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
}

describe('claims export --open', () => {
  test('holds no user, token, session, proposal, rejected entry, pending source, capture text or draft', async ({ db, editor, outDir }) => {
    const { token } = await createApiToken(db, EDITOR_EMAIL, 'planted');
    const session = await signIn(db, EDITOR_EMAIL, EDITOR_PASSWORD);
    const proposal = newEvidenceInputSchema.parse({ sourceId: 'report', stance: 'supports', excerpt: SECRET.proposalExcerpt, lang: 'en' });
    await createEvidence(db, 'alpha-figure', proposal, { kind: 'anonymous', clientKey: 'planted-client' });
    const withNewSource = newEvidenceInputSchema.parse({ source: { title: SECRET.pendingSourceTitle, type: 'blog', lang: 'en', url: 'https://planted.example/pending' }, stance: 'context', excerpt: 'A quote from a pending source.', lang: 'en' });
    await createEvidence(db, 'alpha-figure', withNewSource, { kind: 'anonymous', clientKey: 'planted-client' });
    const toReject = await createEvidence(db, 'alpha-figure', newEvidenceInputSchema.parse({ sourceId: 'essay', stance: 'supports', excerpt: SECRET.rejectedExcerpt, lang: 'en' }), { kind: 'anonymous', clientKey: 'planted-client' });
    await reviewProposal(db, toReject.id, 'reject', 'not what it says', editor);
    await addCapture(db, 'report', { bytes: Buffer.from(SECRET.captureText), mediaType: 'text/plain', method: 'upload', fileName: 'report.txt' }, editor);
    await addConfidenceNote(db, 'alpha-figure', { verdict: 'false', confidence: 0.2, reason: SECRET.noteReason, evidenceIds: [] }, editor);
    await db.updateTable('claim').set({ listed: 0, title: SECRET.draftTitle }).where('id', '=', 'beta-figure').execute();

    const manifest = await writeOpenDataset(db, outDir);
    const all = readAll(outDir);
    for (const planted of Object.values(SECRET).filter((s) => s !== SECRET.noteReason)) expect(all).not.toContain(planted);
    expect(all).not.toContain(EDITOR_EMAIL);
    expect(all).not.toContain(token);
    expect(all).not.toContain(session!.sessionToken);
    expect(all).not.toContain('planted-client');
    expect(all).not.toContain('beta-figure');
    expect(all).not.toMatch(/password|token_hash|id_hash/);
    // What is public is there: the note's reason (not its author), and the ledger's claims and sources.
    expect(all).toContain(SECRET.noteReason);
    expect(manifest.files.find((f) => f.name === 'claims.jsonl')!.rows).toBe(1);
    expect(manifest.files.find((f) => f.name === 'sources.jsonl')!.rows).toBe(Number((await db.selectFrom('source').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'accepted').executeTakeFirstOrThrow()).n));
  });

  test('writes each table as JSON Lines and CSV with the dictionary columns, a data dictionary, the licence and a manifest with sizes', async ({ db, outDir }) => {
    const manifest = await writeOpenDataset(db, outDir, new Date('2026-12-01T00:00:00Z'));
    expect(manifest.generatedAt).toBe('2026-12-01T00:00:00.000Z');
    const dictionary = fs.readFileSync(path.join(outDir, 'data-dictionary.md'), 'utf8');
    expect(fs.readFileSync(path.join(outDir, 'LICENCE.txt'), 'utf8')).toContain('CC BY 4.0');
    for (const table of OPEN_DATA_TABLES) {
      const lines = fs.readFileSync(path.join(outDir, `${table.name}.jsonl`), 'utf8').split('\n').filter(Boolean);
      const csv = fs.readFileSync(path.join(outDir, `${table.name}.csv`), 'utf8');
      const names = table.columns.map((c) => c.name);
      expect(csv.split('\r\n')[0]).toBe(names.join(','));
      for (const line of lines) expect(Object.keys(JSON.parse(line))).toEqual(names);
      expect(manifest.files.find((f) => f.name === `${table.name}.csv`)!.rows).toBe(lines.length);
      expect(dictionary).toContain(`## ${table.name}`);
      for (const name of names) expect(dictionary).toContain(`| ${name} |`);
    }
    for (const table of ['claims', 'sources', 'evidence', 'confidence_notes', 'revisions']) {
      expect(manifest.files.find((f) => f.name === `${table}.jsonl`)!.rows).toBeGreaterThan(0);
    }
    for (const f of manifest.files) expect(fs.statSync(path.join(outDir, f.name)).size).toBe(f.bytes);
  });

  test('a CSV field with commas, quotes and newlines round-trips', async ({ db, outDir }) => {
    await db.updateTable('claim').set({ statement: 'He said "a, b"\nthen left' }).where('id', '=', 'alpha-figure').execute();
    await writeOpenDataset(db, outDir);
    const csv = fs.readFileSync(path.join(outDir, 'claims.csv'), 'utf8');
    expect(csv).toContain('"He said ""a, b""\nthen left"');
  });
});
