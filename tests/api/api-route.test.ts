import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createApiToken } from '../../lib/auth/users';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { snapshotDb } from '../helpers/snapshot';
import { makeTempDir } from '../helpers/test-db';

// Route handlers are called as Next calls them: with a Request and a params promise.
const dir = makeTempDir();
process.env.DATABASE_URL = `file:${path.join(dir, 'route.sqlite')}`;
process.env.PROPOSAL_RATE_LIMIT = '1000';

const claimEvidence = await import('../../app/api/claims/[id]/evidence/route');
const evidenceItem = await import('../../app/api/evidence/[id]/route');
const accept = await import('../../app/api/proposals/[id]/accept/route');
const sources = await import('../../app/api/sources/route');

const HOST = 'claims.test';
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const goodEvidence = { sourceId: 'report', stance: 'contradicts', target: 'whole', excerpt: 'Alpha cost $4.3 million.', lang: 'en' };

function request(method: string, url: string, options: { raw?: string | Uint8Array; json?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { host: HOST, 'x-forwarded-for': '203.0.113.9', ...options.headers };
  let body = options.raw;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  return new Request(`http://${HOST}${url}`, { method, headers, body: body as BodyInit | undefined });
}

describe('the API route wrapper', () => {
  let db: Db;
  let token: string;
  const fixture = copyFixture('valid');
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = createSqliteDb(path.join(dir, 'route.sqlite'));
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

  // What a refused write must not change (a token's last use is bookkeeping, not content).
  const stored = (snapshot: Record<string, unknown>) => ({ evidence: snapshot.evidence, source: snapshot.source, revision: snapshot.revision });
  const post = (raw: string | Uint8Array, headers: Record<string, string> = {}) =>
    claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { raw, headers: { ...auth(), ...headers } }), params('alpha-figure'));

  it('refuses a body that is not valid UTF-8 with a 400 instead of replacing the bytes, storing nothing', async () => {
    const before = await snapshotDb(db);
    const json = Buffer.from(JSON.stringify({ ...goodEvidence, excerpt: 'Alpha cost XX.' }), 'utf8');
    const at = json.indexOf('XX');
    json[at] = 0xff; // never valid in UTF-8
    json[at + 1] = 0xfe;
    const res = await post(json);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/UTF-8/) });
    // The same for a UTF-8-encoded surrogate (CESU/WTF-8 bytes ED A0 80): a decoder that replaces would store U+FFFD ×3.
    const wtf8 = Buffer.concat([Buffer.from(`{"sourceId":"report","stance":"contradicts","lang":"en","excerpt":"Alpha `), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]);
    expect((await post(wtf8)).status).toBe(400);
    expect(stored(await snapshotDb(db))).toEqual(stored(before));
  });

  it('refuses a lone surrogate anywhere in the JSON with a 400 naming the field, storing nothing', async () => {
    const before = await snapshotDb(db);
    const cases: Array<[string, string]> = [
      [`{"sourceId":"report","stance":"contradicts","lang":"en","excerpt":"Alpha \\ud800 cost"}`, 'excerpt'],
      [`{"sourceId":"report","stance":"contradicts","lang":"en","excerpt":"Alpha","note":"tail \\udc00"}`, 'note'],
      [`{"stance":"contradicts","lang":"en","excerpt":"Alpha","source":{"title":"A \\udbff","type":"news"}}`, 'source.title'],
      [`{"sourceId":"report","stance":"contradicts","lang":"en","excerpt":"Alpha","x\\ud800":1}`, 'x\ud800'],
    ];
    for (const [raw, field] of cases) {
      const res = await post(raw);
      const body = await res.json();
      expect({ status: res.status, field: body.error.field }).toEqual({ status: 400, field });
      expect(body.error.message).toMatch(/lone surrogate/);
    }
    // A well-formed pair (an emoji written as escapes) is text, and is stored exactly.
    const ok = await post(`{"sourceId":"report","stance":"contradicts","lang":"en","excerpt":"Alpha \\ud83d\\ude00 cost"}`);
    expect(ok.status).toBe(201);
    const stored = await db.selectFrom('evidence').select('excerpt').where('id', '=', (await ok.json()).id).executeTakeFirstOrThrow();
    expect(stored.excerpt).toBe('Alpha \u{1F600} cost');
    expect((await snapshotDb(db)).evidence).toHaveLength(before.evidence!.length + 1);
  });

  it('refuses a body declared in another charset (415)', async () => {
    const res = await post(JSON.stringify(goodEvidence), { 'content-type': 'application/json; charset=iso-8859-1' });
    expect(res.status).toBe(415);
  });

  it('compares If-Match strongly: a weak ETag is a 412, the strong one is accepted', async () => {
    const created = await (await post(JSON.stringify(goodEvidence))).json();
    const patch = (ifMatch: string) =>
      evidenceItem.PATCH(request('PATCH', `/api/evidence/${created.id}`, { json: { note: 'edited' }, headers: { ...auth(), 'if-match': ifMatch } }), params(created.id));
    const weak = await patch('W/"1"');
    expect(weak.status).toBe(412);
    expect((await weak.json()).error.message).toMatch(/strong/);
    expect((await db.selectFrom('evidence').select('revision').where('id', '=', created.id).executeTakeFirstOrThrow()).revision).toBe(1);
    const strong = await patch('"1"');
    expect(strong.status).toBe(200);
    expect(strong.headers.get('etag')).toBe('"2"');
  });

  it('answers a pending proposal and an unknown id alike to anyone who may not see proposals', async () => {
    const proposal = await (await claimEvidence.POST(request('POST', '/api/claims/alpha-figure/evidence', { json: goodEvidence }), params('alpha-figure'))).json();
    expect(proposal.status).toBe('pending');
    const unknown = 'ev-000000000000';
    const shape = async (res: Response) => ({ status: res.status, code: (await res.json()).error.code });
    for (const headers of [{}, { authorization: 'Bearer clt_not-a-token' }, { cookie: 'cl_session=forged' }] as Record<string, string>[]) {
      const get = async (id: string) => shape(await evidenceItem.GET(request('GET', `/api/evidence/${id}`, { headers }), params(id)));
      expect(await get(proposal.id)).toEqual(await get(unknown));
      const decide = async (id: string) => shape(await accept.POST(request('POST', `/api/proposals/${id}/accept`, { headers }), params(id)));
      expect(await decide(proposal.id)).toEqual(await decide(unknown));
    }
    // An editor sees the difference.
    expect((await evidenceItem.GET(request('GET', `/api/evidence/${proposal.id}`, { headers: auth() }), params(proposal.id))).status).toBe(200);
    expect((await evidenceItem.GET(request('GET', `/api/evidence/${unknown}`, { headers: auth() }), params(unknown))).status).toBe(404);
  });

  it('lists every zod issue of a bad query with the first field named', async () => {
    const res = await sources.GET(request('GET', '/api/sources?type=nope&pageSize=0&colour=red'));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.field).toEqual(expect.any(String));
    expect(error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['colour', 'pageSize', 'type']);
  });
});
