import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createApiToken, signIn } from '../../lib/auth/users';
import { SESSION_COOKIE } from '../../lib/http/request';
import { createEditor, EDITOR_EMAIL, EDITOR_PASSWORD } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { snapshotDb } from '../helpers/snapshot';
import { makeTempDir } from '../helpers/test-db';

// Route handlers are called as Next calls them: with a Request and a params promise.
const dir = makeTempDir();
process.env.DATABASE_URL = `file:${path.join(dir, 'api.sqlite')}`;
process.env.PROPOSAL_RATE_LIMIT = '5';

const claimEvidence = await import('../../app/api/claims/[id]/evidence/route');
const evidenceItem = await import('../../app/api/evidence/[id]/route');
const restore = await import('../../app/api/evidence/[id]/restore/route');
const confidence = await import('../../app/api/claims/[id]/confidence/route');
const accept = await import('../../app/api/proposals/[id]/accept/route');
const reject = await import('../../app/api/proposals/[id]/reject/route');

const HOST = 'claims.test';
const params = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, url: string, options: { body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { host: HOST, 'x-forwarded-for': '203.0.113.7', ...options.headers };
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return new Request(`http://${HOST}${url}`, { method, headers, body });
}

const goodEvidence = { sourceId: 'report', stance: 'contradicts', target: 'value', excerpt: 'Alpha cost $4.3 million.', lang: 'en', value: 4300000, unit: 'USD', asOf: '2020' };

describe('the write API', () => {
  let db: Db;
  let token: string;
  let sessionCookie: string;
  const fixture = copyFixture('valid');
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = createSqliteDb(path.join(dir, 'api.sqlite'));
    await prepareStoreOrThrow(db);
    await checkAndIngest(db, fixture);
    await createEditor(db);
    token = (await createApiToken(db, EDITOR_EMAIL)).token;
    sessionCookie = `${SESSION_COOKIE}=${(await signIn(db, EDITOR_EMAIL, EDITOR_PASSWORD))!.sessionToken}`;
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(fixture.root, { recursive: true, force: true });
  });

  it('stores an editor’s evidence (token or session) and returns the record with its id, revision and ETag', async () => {
    const res = await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { body: goodEvidence, headers: auth() }), params('alpha-figure'));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ claimId: 'alpha-figure', status: 'accepted', revision: 1, author: EDITOR_EMAIL, value: 4300000 });
    expect(res.headers.get('etag')).toBe('"1"');
    const viaSession = await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { body: goodEvidence, headers: { cookie: sessionCookie, origin: `http://${HOST}` } }), params('alpha-figure'));
    expect(viaSession.status).toBe(201);
  });

  it('turns an anonymous submission into a pending proposal that accept or reject decides', async () => {
    const res = await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { body: goodEvidence }), params('alpha-figure'));
    expect(res.status).toBe(201);
    const proposal = await res.json();
    expect(proposal.status).toBe('pending');
    // Not public: GET without credentials says it does not exist.
    expect((await evidenceItem.GET(request('GET', `/api/evidence/${proposal.id}`), params(proposal.id))).status).toBe(404);
    expect((await accept.POST(request('POST', `/api/proposals/${proposal.id}/accept`), params(proposal.id))).status).toBe(401);
    const accepted = await accept.POST(request('POST', `/api/proposals/${proposal.id}/accept`, { body: { reason: 'Matches table 1.' }, headers: auth() }), params(proposal.id));
    expect(await accepted.json()).toMatchObject({ status: 'accepted', reviewedBy: EDITOR_EMAIL, reviewReason: 'Matches table 1.' });

    const second = await (await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { body: goodEvidence, headers: { 'x-forwarded-for': '198.51.100.1' } }), params('alpha-figure'))).json();
    const noReason = await reject.POST(request('POST', `/api/proposals/${second.id}/reject`, { headers: auth() }), params(second.id));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.field).toBe('reason');
  });

  it('refuses every write but a proposal without a session or token (401), storing nothing', async () => {
    const before = await snapshotDb(db);
    const ev = (await db.selectFrom('evidence').select('id').where('status', '=', 'accepted').executeTakeFirstOrThrow()).id;
    const attempts = [
      evidenceItem.PATCH(request('PATCH', `/api/evidence/${ev}`, { body: { note: 'x' }, headers: { 'if-match': '"1"' } }), params(ev)),
      evidenceItem.DELETE(request('DELETE', `/api/evidence/${ev}`, { body: { reason: 'x' }, headers: { 'if-match': '"1"' } }), params(ev)),
      restore.POST(request('POST', `/api/evidence/${ev}/restore`), params(ev)),
      confidence.POST(request('POST', '/api/claims/alpha-figure/confidence', { body: { confidence: 0.1, reason: 'x' } }), params('alpha-figure')),
      reject.POST(request('POST', `/api/proposals/${ev}/reject`, { body: { reason: 'x' } }), params(ev)),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
    const badToken = await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { body: goodEvidence, headers: { authorization: 'Bearer clt_nope' } }), params('alpha-figure'));
    expect(badToken.status).toBe(401);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('treats a malformed session cookie as no session, not an error', async () => {
    const res = await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { body: goodEvidence, headers: { cookie: `${SESSION_COOKIE}=%E0`, 'x-forwarded-for': '198.51.100.77' } }), params('alpha-figure'));
    expect(res.status).toBe(201);
    expect((await res.json()).status).toBe('pending');
  });

  it('refuses cross-origin writes (403), even with valid credentials, storing nothing', async () => {
    const before = await snapshotDb(db);
    const res = await claimEvidence.POST(
      request('POST', '/api/claims/alpha-figure/evidence', { body: goodEvidence, headers: { cookie: sessionCookie, origin: 'https://evil.example' } }),
      params('alpha-figure'),
    );
    expect(res.status).toBe(403);
    const fetchSite = await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { body: goodEvidence, headers: { 'sec-fetch-site': 'cross-site' } }), params('alpha-figure'));
    expect(fetchSite.status).toBe(403);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('answers bad input with 400/404/413/415 and the field named, never a 500', async () => {
    const post = (body: unknown, headers: Record<string, string> = {}, id = 'alpha-figure') =>
      claimEvidence.POST(request('POST', `/api/claims/${id}/evidence`, { body, headers: { ...auth(), ...headers } }), params(id));
    const cases: Array<[Promise<Response>, number, string | undefined]> = [
      [post({ ...goodEvidence, stance: 'agrees' }), 400, 'stance'],
      [post({ ...goodEvidence, lang: 'english please' }), 400, 'lang'],
      [post({ ...goodEvidence, asOf: '2020-02-30' }), 400, 'asOf'],
      [post({ ...goodEvidence, note: 'nul \u0000 byte' }), 400, 'note'],
      [post({ ...goodEvidence, excerpt: 'bell \u0007' }), 400, 'excerpt'],
      [post({ ...goodEvidence, extra: true }), 400, 'extra'],
      [post({ ...goodEvidence, sourceId: undefined, source: { url: 'ftp://x.org/a', title: 't', type: 'news' } }), 400, 'source.url'],
      [post({ ...goodEvidence, excerpt: 'x'.repeat(5001) }), 400, 'excerpt'],
      [post({ ...goodEvidence, sourceId: 'no-such-source' }), 400, 'sourceId'],
      [post(goodEvidence, {}, 'no-such-claim'), 404, undefined],
      [post({ ...goodEvidence, note: 'x'.repeat(70 * 1024) }), 413, undefined],
      [claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { raw: 'stance=supports', headers: { ...auth(), 'content-type': 'application/x-www-form-urlencoded' } }), params('alpha-figure')), 415, undefined],
      [claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { raw: '{"stance":', headers: { ...auth(), 'content-type': 'application/json' } }), params('alpha-figure')), 400, undefined],
    ];
    for (const [promise, status, field] of cases) {
      const res = await promise;
      const body = await res.json();
      expect({ status: res.status, field: body.error.field }).toEqual({ status, field });
      expect(body.error.message).toEqual(expect.any(String));
    }
  });

  it('edits with If-Match: 428 without it, 412 with a stale one (current version in the body), then retracts and restores', async () => {
    const created = await (await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { body: { ...goodEvidence, note: 'first' }, headers: auth() }), params('alpha-figure'))).json();
    const get = await evidenceItem.GET(request('GET', `/api/evidence/${created.id}`), params(created.id));
    const etag = get.headers.get('etag')!;
    expect(etag).toBe('"1"');

    const patch = (headers: Record<string, string>, body: unknown) => evidenceItem.PATCH(request('PATCH', `/api/evidence/${created.id}`, { body, headers: { ...auth(), ...headers } }), params(created.id));
    expect((await patch({}, { note: 'x' })).status).toBe(428);
    const ok = await patch({ 'if-match': etag }, { note: 'second' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await patch({ 'if-match': etag }, { note: 'lost update' });
    expect(stale.status).toBe(412);
    const current = (await stale.json()).error.current;
    expect(current).toMatchObject({ note: 'second', revision: 2, claimId: 'alpha-figure' });
    // The current version as the API shows it: no internal bookkeeping such as the proposer's key.
    expect(Object.keys(current)).not.toEqual(expect.arrayContaining(['proposed_by']));
    expect(current).not.toHaveProperty('seed_hash');

    const del = await evidenceItem.DELETE(request('DELETE', `/api/evidence/${created.id}`, { body: { reason: 'Duplicate.' }, headers: { ...auth(), 'if-match': '"2"' } }), params(created.id));
    expect(await del.json()).toMatchObject({ retractedReason: 'Duplicate.', revision: 3 });
    const unnamed = await restore.POST(request('POST', `/api/evidence/${created.id}/restore`, { headers: auth() }), params(created.id));
    expect(unnamed.status).toBe(428);
    const restored = await restore.POST(request('POST', `/api/evidence/${created.id}/restore`, { headers: { ...auth(), 'if-match': '"3"' } }), params(created.id));
    expect(await restored.json()).toMatchObject({ note: 'second', retractedAt: null, revision: 4 });
  });

  it('appends a confidence note for an editor', async () => {
    const res = await confidence.POST(request('POST', '/api/claims/alpha-figure/confidence', { body: { confidence: 0.85, verdict: 'false', reason: 'Primary source.', evidenceIds: ['ev-alpha-report'] }, headers: auth() }), params('alpha-figure'));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ claimId: 'alpha-figure', confidence: 0.85, verdict: 'false', evidenceIds: ['ev-alpha-report'] });
  });

  it('rate-limits proposals per client address with 429 and Retry-After, storing nothing more', async () => {
    const from = (ip: string) => claimEvidence.POST(request('POST', '/api/claims/beta-figure/evidence', { body: goodEvidence, headers: { 'x-forwarded-for': ip } }), params('beta-figure'));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await from('192.0.2.50')).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const limited = await from('192.0.2.50');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('192.0.2.51')).status).toBe(201);
    const pending = await db.selectFrom('evidence').select('id').where('claim_id', '=', 'beta-figure').where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(6);
  });
});
