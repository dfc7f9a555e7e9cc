import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

// The route handlers are called as Next calls them (a Request in, a Response out), against
// a real SQLite file that the handlers open through lib/db.ts from DATABASE_URL.
type Handler = (request: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let claimsRoute: { GET: (request: Request) => Promise<Response> };
let claimRoute: { GET: Handler };
let sourcesRoute: { GET: (request: Request) => Promise<Response> };
let sourceRoute: { GET: Handler };
let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const test = await createTestDb();
  db = test.db;
  cleanup = test.cleanup;
  await checkAndIngest(db, copyFixture());
  process.env.DATABASE_URL = `file:${test.filename}`;
  delete (globalThis as { claimLedgerDb?: unknown }).claimLedgerDb;
  claimsRoute = await import('../../app/api/claims/route');
  claimRoute = await import('../../app/api/claims/[id]/route');
  sourcesRoute = await import('../../app/api/sources/route');
  sourceRoute = await import('../../app/api/sources/[id]/route');
});
afterAll(async () => {
  const shared = (globalThis as { claimLedgerDb?: Promise<Db> }).claimLedgerDb;
  if (shared) await (await shared).destroy();
  await cleanup();
});

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

describe('GET /api/claims', () => {
  it('lists claims with their verdict, confidence and paging fields', async () => {
    const res = await claimsRoute.GET(get('/api/claims'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = await res.json();
    expect(body).toMatchObject({ total: 2, totalIsLowerBound: false, pageSize: 20, next: null, prev: null });
    expect(body.items[0]).toMatchObject({
      id: 'alpha-figure',
      title: 'Alpha costs $50M',
      verdict: { value: 'misleading', ratingValue: 2 },
      confidence: 0.8,
      confidenceBand: 'high',
      withdrawn: false,
    });
  });

  it('applies the same filters as /claims', async () => {
    const body = await (await claimsRoute.GET(get('/api/claims?verdict=unverifiable&topic=beta'))).json();
    expect(body.items.map((c: { id: string }) => c.id)).toEqual(['beta-figure']);
    const none = await (await claimsRoute.GET(get('/api/claims?confidence=low'))).json();
    expect(none.total).toBe(0);
  });

  it('answers 400 with the offending parameters for invalid or unknown query parameters', async () => {
    for (const qs of ['verdict=maybe', 'page=0', 'pageSize=1000', 'sort=random', 'colour=blue']) {
      const res = await claimsRoute.GET(get(`/api/claims?${qs}`));
      expect(res.status, qs).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('invalid');
      expect(body.error.field, qs).toBe(qs.split('=')[0]);
      expect(body.error.issues.length, qs).toBeGreaterThan(0);
    }
  });

  it('answers 304 to a client that already has the current data version', async () => {
    const first = await claimsRoute.GET(get('/api/claims'));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"v\d+"$/);
    expect((await claimsRoute.GET(get('/api/claims', { 'if-none-match': etag }))).status).toBe(304);
  });
});

describe('GET /api/claims/{id}', () => {
  it('returns the documented claim shape', async () => {
    const res = await claimRoute.GET(get('/api/claims/alpha-figure'), withId('alpha-figure'));
    expect(res.status).toBe(200);
    const claim = await res.json();
    for (const key of ['id', 'title', 'statement', 'original', 'claimant', 'verdict', 'confidence', 'appearances', 'sources', 'evidence', 'confidenceNotes', 'related', 'withdrawn']) {
      expect(claim, key).toHaveProperty(key);
    }
    expect(claim.original).toEqual({ lang: 'zh-Hant', text: '阿爾法的成本約為 5,000 萬美元;', translation: 'Alpha cost about US$50 million;' });
    expect(claim.summary).toEqual({
      text: 'The $50M figure appears only in an unsourced essay; the one compute estimate we hold is $4.3M.',
      verdict: 'misleading',
      date: '2026-11-01',
    });
    expect(claim.sources.find((s: { id: string }) => s.id === 'essay')).toMatchObject({ verified: true });
    expect(claim.appearances.map((a: { source: { id: string } }) => a.source.id)).toEqual(['blog-post', 'essay']);
    expect(claim.appearances[0].cites[0].source.id).toBe('essay');
    expect(claim.evidence.map((e: { id: string; stance: string }) => [e.id, e.stance])).toEqual([
      ['ev-alpha-essay', 'supports'],
      ['ev-alpha-report', 'contradicts'],
    ]);
    expect(claim.confidenceNotes.map((n: { id: string }) => n.id)).toEqual(['cn-alpha-1']);
    expect(claim.related.declared).toEqual([expect.objectContaining({ id: 'beta-figure', relation: 'same-figure', direction: 'outgoing' })]);
    expect(claim.withdrawn).toBe(false);
    expect(claim.url).toMatch(/\/claims\/alpha-figure$/);
  });

  it('answers 404 with a JSON error body for an unknown id', async () => {
    const res = await claimRoute.GET(get('/api/claims/no-such-claim'), withId('no-such-claim'));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No claim has the id "no-such-claim".' } });
  });
});

describe('GET /api/sources', () => {
  it('lists sources with claim and evidence counts, filtered by reliability', async () => {
    const body = await (await sourcesRoute.GET(get('/api/sources?reliability=A'))).json();
    expect(body.items).toEqual([expect.objectContaining({ id: 'report', reliability: 'A', claimCount: 1, evidenceCount: 1 })]);
  });

  it('answers 400 for an unknown source type', async () => {
    const res = await sourcesRoute.GET(get('/api/sources?type=tabloid'));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid');
  });

  it('returns one source with copies, claims, evidence and its place in citation chains', async () => {
    const res = await sourceRoute.GET(get('/api/sources/essay'), withId('essay'));
    expect(res.status).toBe(200);
    const source = await res.json();
    expect(source).toMatchObject({ id: 'essay', url: 'https://example.org/essay', reliability: 'C', reliabilityReason: 'Opinion essay.' });
    expect(source.copies).toEqual([{ url: 'https://mirror.example.org/essay', kind: 'mirror', note: null }]);
    expect(source.claims).toMatchObject({ total: 1, next: null, items: [{ id: 'alpha-figure', verdict: 'misleading' }] });
    expect(source.evidence).toMatchObject({ total: 1, next: null });
    expect(source.evidence.items.map((e: { id: string }) => e.id)).toEqual(['ev-alpha-essay']);
    expect(source.citedBy.map((s: { id: string }) => s.id)).toEqual(['blog-post']);
  });

  it('answers 404 with a JSON error body for an unknown source', async () => {
    const res = await sourceRoute.GET(get('/api/sources/nope'), withId('nope'));
    expect(res.status).toBe(404);
    expect((await res.json()).error).toEqual({ code: 'not_found', message: 'No source has the id "nope".' });
  });
});
