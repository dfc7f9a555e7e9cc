import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
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
});
