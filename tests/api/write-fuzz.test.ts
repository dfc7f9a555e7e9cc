import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createApiToken } from '../../lib/auth/users';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/test-db';

const dir = makeTempDir();
process.env.DATABASE_URL = `file:${path.join(dir, 'fuzz.sqlite')}`;
process.env.PROPOSAL_RATE_LIMIT = '100000';
const claimEvidence = await import('../../app/api/claims/[id]/evidence/route');
const confidence = await import('../../app/api/claims/[id]/confidence/route');
const { getDb } = await import('../../lib/db');

const ALLOWED = new Set([201, 400, 404, 409, 413, 415]);

// Values close to valid ones find more paths than pure noise does.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '…', '[sic]', '<script>alert(1)</script>', 'javascript:alert(1)', '泡沫 17 倍', '\u0000\u202e', 'x'.repeat(6000)),
);
const evidenceBody = fc.record(
  {
    sourceId: fc.oneof(fc.constantFrom('report', 'essay', 'nope', 'UPPER', ''), text),
    source: fc.oneof(fc.constant(undefined), fc.record({ url: fc.oneof(fc.webUrl(), text), title: text, type: fc.oneof(fc.constantFrom('news', 'blog'), text) }, { requiredKeys: [] })),
    stance: fc.oneof(fc.constantFrom('supports', 'contradicts', 'qualifies', 'context'), text),
    target: fc.oneof(fc.constantFrom('value', 'whole'), text),
    excerpt: text,
    lang: fc.oneof(fc.constantFrom('en', 'zh-Hant', 'xx-invalid-', 'en-US'), text),
    translation: fc.oneof(text, fc.constant(null)),
    locator: fc.oneof(text, fc.integer()),
    value: fc.oneof(fc.double(), fc.integer(), text, fc.constant(null)),
    unit: fc.oneof(text, fc.constant(null)),
    asOf: fc.oneof(fc.constantFrom('2025', '2025-10', '2025-13', '2025-10-32'), text),
    note: fc.oneof(text, fc.constant(null)),
    surprise: fc.anything(),
  },
  { requiredKeys: [] },
);

// A valid body with generated free text: most of these must be stored, so the property is not vacuous.
const nearlyValid = fc.record({
  sourceId: fc.constantFrom('report', 'essay'),
  stance: fc.constantFrom('supports', 'contradicts', 'qualifies', 'context'),
  excerpt: fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
  lang: fc.constantFrom('en', 'zh-Hant'),
  note: fc.oneof(text, fc.constant(null)),
  translation: fc.oneof(fc.string({ maxLength: 100 }), fc.constant(null)),
});

describe('property: no input makes a write fail with a 500 or leave a partial row', () => {
  let db: Db;
  let token: string;
  const fixture = copyFixture('valid');

  beforeAll(async () => {
    db = createSqliteDb(path.join(dir, 'fuzz.sqlite'));
    await prepareStoreOrThrow(db);
    await checkAndIngest(db, fixture);
    await createEditor(db);
    token = (await createApiToken(db, EDITOR_EMAIL)).token;
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(fixture.root, { recursive: true, force: true });
  });

  const counts = async () => ({
    evidence: (await db.selectFrom('evidence').select('id').execute()).length,
    source: (await db.selectFrom('source').select('id').execute()).length,
    revision: (await db.selectFrom('revision').select('id').execute()).length,
  });

  it('POST /api/claims/{id}/evidence answers 201 or a 4xx JSON error, and a refusal stores nothing', async () => {
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(evidenceBody, fc.anything(), nearlyValid),
        fc.boolean(),
        fc.constantFrom('alpha-figure', 'beta-figure', 'missing', '../etc'),
        async (body, asEditor, claimId) => {
          const before = await counts();
          let raw: string;
          try {
            raw = JSON.stringify(body) ?? 'null';
          } catch {
            raw = '{}';
          }
          const headers: Record<string, string> = { 'content-type': 'application/json', host: 'h', 'x-forwarded-for': '192.0.2.1' };
          if (asEditor) headers.authorization = `Bearer ${token}`;
          const res = await claimEvidence.POST(new Request(`http://h/api/claims/x/evidence`, { method: 'POST', headers, body: raw }), { params: Promise.resolve({ id: claimId }) });
          expect(ALLOWED.has(res.status), `status ${res.status}`).toBe(true);
          const json = await res.json();
          const after = await counts();
          statuses.push(res.status);
          if (res.status === 201) {
            expect(after.evidence).toBe(before.evidence + 1);
            expect(json.id).toMatch(/^ev-/);
          } else {
            expect(json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
            expect(after).toEqual(before);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(20);
  });

  it('POST /api/claims/{id}/confidence never answers 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ confidence: fc.oneof(fc.double(), fc.constantFrom(0, 1, 0.5, -1, 2), text), verdict: fc.oneof(fc.constantFrom('false', 'mixed'), text), reason: text, evidenceIds: fc.oneof(fc.array(text), text) }, { requiredKeys: [] }),
        async (body) => {
          const res = await confidence.POST(
            new Request('http://h/api/claims/alpha-figure/confidence', { method: 'POST', headers: { 'content-type': 'application/json', host: 'h', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }),
            { params: Promise.resolve({ id: 'alpha-figure' }) },
          );
          expect(ALLOWED.has(res.status), `status ${res.status}`).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  // Any code points, and strings with a UTF-16 surrogate spliced in (which may or may not pair up).
  const anyText = (minLength: number) =>
    fc.oneof(
      fc.string({ unit: 'binary', minLength, maxLength: 40 }),
      fc
        .tuple(fc.string({ maxLength: 15 }), fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), fc.string({ maxLength: 15 }))
        .map(([a, b, c]) => a + b + c),
    );

  it('text in is text out: an excerpt is stored exactly as sent (trimmed), or refused naming the field when it is not well-formed Unicode', async () => {
    let stored = 0;
    let refused = 0;
    let lastOther = '';
    await fc.assert(
      fc.asyncProperty(anyText(1), anyText(0), async (excerpt, note) => {
        const body = { sourceId: 'report', stance: 'supports', excerpt: `Alpha ${excerpt}`, note: note || null, lang: 'en' };
        const res = await claimEvidence.POST(
          new Request('http://h/api/claims/x/evidence', { method: 'POST', headers: { 'content-type': 'application/json', host: 'h', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }),
          { params: Promise.resolve({ id: 'alpha-figure' }) },
        );
        const json = await res.json();
        const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
        if (lone.test(body.excerpt) || lone.test(note)) {
          expect(res.status).toBe(400);
          expect(json.error.field).toBe(lone.test(body.excerpt) ? 'excerpt' : 'note');
          refused++;
        } else if (res.status === 201) {
          const row = await db.selectFrom('evidence').select(['excerpt', 'note']).where('id', '=', json.id).executeTakeFirstOrThrow();
          expect(row.excerpt).toBe(body.excerpt.trim());
          expect(row.note).toBe(note.trim() || null);
          stored++;
        } else {
          expect(res.status, JSON.stringify(json)).toBe(400); // a control character, an ellipsis or a bracket: refused by the schema
          lastOther = JSON.stringify(json);
        }
      }),
      { numRuns: 200 },
    );
    expect(stored, lastOther).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });

  /** Another process takes the store's write lock and keeps it until told to let go. */
  async function holdWriteLock(file: string): Promise<{ child: ChildProcess; release: () => Promise<void> }> {
    const script = `
      const db = require('better-sqlite3')(process.argv[1]);
      db.exec('BEGIN IMMEDIATE');
      process.stdout.write('locked\\n');
      process.stdin.on('data', () => {});
      process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); });
    `;
    const child = spawn(process.execPath, ['-e', script, file], { cwd: path.resolve(import.meta.dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => String(d).includes('locked') && resolve());
      child.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
    });
    return {
      child,
      release: () =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.stdin!.end();
        }),
    };
  }

  it('while another process holds the write lock, writes answer 503 with Retry-After (never 500) and store nothing', async () => {
    const routeDb = await getDb();
    // The server waits busy_timeout (5 s) for the lock; the property makes hundreds of writes, so it
    // waits 20 ms here: what is tested is the answer after the wait, not its length.
    await sql`PRAGMA busy_timeout = 20`.execute(routeDb);
    const lock = await holdWriteLock(path.join(dir, 'fuzz.sqlite'));
    const statuses: number[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(fc.oneof(nearlyValid, nearlyValid, evidenceBody), fc.boolean(), fc.constantFrom('alpha-figure', 'beta-figure', 'missing'), async (body, asEditor, claimId) => {
          const before = await counts();
          const headers: Record<string, string> = { 'content-type': 'application/json', host: 'h', 'x-forwarded-for': '192.0.2.2' };
          if (asEditor) headers.authorization = `Bearer ${token}`;
          const res = await claimEvidence.POST(new Request('http://h/api/claims/x/evidence', { method: 'POST', headers, body: JSON.stringify(body) }), { params: Promise.resolve({ id: claimId }) });
          statuses.push(res.status);
          expect([...ALLOWED, 503].filter((s) => s !== 201), `status ${res.status}`).toContain(res.status);
          const json = await res.json();
          expect(json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
          if (res.status === 503) {
            expect(json.error.code).toBe('unavailable');
            expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
          }
          expect(await counts()).toEqual(before);
        }),
        { numRuns: 120 },
      );
    } finally {
      await lock.release();
      await sql`PRAGMA busy_timeout = 5000`.execute(routeDb);
    }
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(30);
    // Once the lock is gone the same write goes through.
    const res = await claimEvidence.POST(
      new Request('http://h/api/claims/x/evidence', { method: 'POST', headers: { 'content-type': 'application/json', host: 'h', authorization: `Bearer ${token}` }, body: JSON.stringify({ sourceId: 'report', stance: 'supports', excerpt: 'After the lock.', lang: 'en' }) }),
      { params: Promise.resolve({ id: 'alpha-figure' }) },
    );
    expect(res.status).toBe(201);
  });
});
