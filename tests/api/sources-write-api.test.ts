import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createApiToken, getActorByEmailOrThrow } from '../../lib/auth/users';
import { createEvidence, reviewProposal } from '../../lib/evidence/write';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { snapshotDb } from '../helpers/snapshot';
import { makeTempDir } from '../helpers/test-db';

// POST /api/sources and PATCH /api/sources/{id}, called as Next calls route handlers.
const dir = makeTempDir();
process.env.DATABASE_URL = `file:${path.join(dir, 'sources-api.sqlite')}`;

const sources = await import('../../app/api/sources/route');
const source = await import('../../app/api/sources/[id]/route');

const HOST = 'claims.test';
const params = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, url: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { host: HOST, ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return new Request(`http://${HOST}${url}`, { method, headers, body });
}

const newSource = { url: 'https://stats.example.gov/table-7?utm_source=x', title: 'Table 7', publisher: 'Statistics Office', publishedAt: '2026-03', type: 'official-statistics' };

describe('POST /api/sources and PATCH /api/sources/{id}', () => {
  let db: Db;
  let token: string;
  const fixture = copyFixture('valid');
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = createSqliteDb(path.join(dir, 'sources-api.sqlite'));
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

  it('refuses to create a source without a token (401) or from another origin (403), storing nothing', async () => {
    const before = await snapshotDb(db);
    const anonymous = await sources.POST(request('POST', '/api/sources', { body: newSource }));
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');
    const crossOrigin = await sources.POST(request('POST', '/api/sources', { body: newSource, headers: { ...auth(), origin: 'https://evil.example' } }));
    expect(crossOrigin.status).toBe(403);
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('creates a source for an editor (201, ETag "1") and answers a duplicate URL with 409 naming the existing source', async () => {
    const res = await sources.POST(request('POST', '/api/sources', { body: newSource, headers: auth() }));
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ title: 'Table 7', publisher: 'Statistics Office', publishedAt: '2026-03', type: 'official-statistics', status: 'accepted', revision: 1, createdBy: EDITOR_EMAIL });
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe(`/api/sources/${created.id}`);

    const count = async () => (await db.selectFrom('source').select('id').execute()).length;
    const before = await count();
    // Same document: the scheme, a trailing slash and tracking parameters do not make it new.
    const duplicate = await sources.POST(request('POST', '/api/sources', { body: { ...newSource, url: 'http://stats.example.gov/table-7/', title: 'Another name' }, headers: auth() }));
    expect(duplicate.status).toBe(409);
    const body = await duplicate.json();
    expect(body.error).toMatchObject({ code: 'conflict', existing: { id: created.id, title: 'Table 7' } });
    expect(await count()).toBe(before);

    const seeded = await sources.POST(request('POST', '/api/sources', { body: { ...newSource, url: 'https://example.org/essay' }, headers: auth() }));
    expect(seeded.status).toBe(409);
    expect((await seeded.json()).error.existing.id).toBe('essay');
  });

  it('validates a new source naming the field (bad URL scheme, unknown field, missing title)', async () => {
    const badUrl = await sources.POST(request('POST', '/api/sources', { body: { ...newSource, url: 'javascript:alert(1)' }, headers: auth() }));
    expect(badUrl.status).toBe(400);
    expect((await badUrl.json()).error.field).toBe('url');
    const unknown = await sources.POST(request('POST', '/api/sources', { body: { ...newSource, url: 'https://x.example/1', isAdmin: true }, headers: auth() }));
    expect((await unknown.json()).error.field).toBe('isAdmin');
    const noTitle = await sources.POST(request('POST', '/api/sources', { body: { type: 'news', url: 'https://x.example/2' }, headers: auth() }));
    expect((await noTitle.json()).error.field).toBe('title');
  });

  it('gives GET /api/sources/{id} the source revision as ETag and in the body', async () => {
    const res = await source.GET(request('GET', '/api/sources/essay'), params('essay'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(res.headers.get('etag')).toBe(`"${body.revision}"`);
    expect(body.revision).toBe(1);
    expect(typeof body.dataVersion).toBe('number');
  });

  it('edits a source only with If-Match: 401 anonymous, 428 without it, 412 stale with the current version, then 200 with the next ETag', async () => {
    const patch = (headers: Record<string, string>, body: unknown) => source.PATCH(request('PATCH', '/api/sources/essay', { body, headers }), params('essay'));
    // A token's last use is bookkeeping; the data is what must not change.
    const data = async () => {
      const { source: s, revision, data_version } = await snapshotDb(db);
      return { s, revision, data_version };
    };
    const before = await data();
    expect((await patch({ 'if-match': '"1"' }, { reliability: 'B' })).status).toBe(401);
    const missing = await patch(auth(), { reliability: 'B' });
    expect(missing.status).toBe(428);
    expect((await missing.json()).error.code).toBe('precondition_required');
    expect(await data()).toEqual(before);

    const ok = await patch({ ...auth(), 'if-match': '"1"' }, {
      reliability: 'B',
      reliabilityReason: 'Checked against the archived text.',
      copies: [{ url: 'https://web.archive.org/web/2025/https://example.org/essay', kind: 'archive' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(await ok.json()).toMatchObject({ reliability: 'B', reliabilityReason: 'Checked against the archived text.', revision: 2 });

    const stale = await patch({ ...auth(), 'if-match': '"1"' }, { title: 'Overwritten?' });
    expect(stale.status).toBe(412);
    const staleBody = await stale.json();
    expect(staleBody.error.current).toMatchObject({ id: 'essay', revision: 2, reliability: 'B', title: 'An essay' });
    const row = await db.selectFrom('source').selectAll().where('id', '=', 'essay').executeTakeFirstOrThrow();
    expect(row.title).toBe('An essay');
    const revisions = await db.selectFrom('revision').select(['action', 'actor']).where('entity_type', '=', 'source').where('entity_id', '=', 'essay').orderBy('id').execute();
    expect(revisions.at(-1)).toEqual({ action: 'update', actor: EDITOR_EMAIL });
  });

  it('keeps a source proposed with anonymous evidence out of GET /api/sources and GET /api/sources/{id} until the proposal is accepted', async () => {
    const proposal = await createEvidence(
      db,
      'alpha-figure',
      {
        source: { url: 'https://proposed.example.org/a', doi: null, title: 'Proposed source', publisher: null, authors: [], publishedAt: null, type: 'news', lang: 'en', reliability: 'U', reliabilityReason: 'Not yet assessed.' },
        stance: 'context', target: 'whole', excerpt: 'Proposed text.', lang: 'en', translation: null, locator: null, value: null, unit: null, asOf: null, note: null,
      },
      { kind: 'anonymous', clientKey: 'test' },
    );
    const listed = async () => ((await (await sources.GET(request('GET', '/api/sources?pageSize=200'))).json()).items as { id: string }[]).map((s) => s.id);
    expect(await listed()).not.toContain(proposal.source_id);
    expect((await source.GET(request('GET', `/api/sources/${proposal.source_id}`), params(proposal.source_id))).status).toBe(404);
    await reviewProposal(db, proposal.id, 'accept', null, await getActorByEmailOrThrow(db, EDITOR_EMAIL));
    expect(await listed()).toContain(proposal.source_id);
    expect((await source.GET(request('GET', `/api/sources/${proposal.source_id}`), params(proposal.source_id))).status).toBe(200);
  });
});
