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

// POST /api/sources/{id}/restore, called as Next calls route handlers.
const dir = makeTempDir();
process.env.DATABASE_URL = `file:${path.join(dir, 'sources-restore-api.sqlite')}`;

const source = await import('../../app/api/sources/[id]/route');
const restore = await import('../../app/api/sources/[id]/restore/route');

const HOST = 'claims.test';
const params = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, url: string, options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { host: HOST, ...options.headers };
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  return new Request(`http://${HOST}${url}`, { method, headers, body });
}

describe('POST /api/sources/{id}/restore', () => {
  let db: Db;
  let token: string;
  const fixture = copyFixture('valid');
  const auth = () => ({ authorization: `Bearer ${token}` });
  const post = (id: string, headers: Record<string, string>, body?: unknown, rawBody?: string) =>
    restore.POST(request('POST', `/api/sources/${id}/restore`, { body, rawBody, headers }), params(id));
  // A token's last use is bookkeeping; the data is what must not change.
  const data = async () => {
    const { source: s, revision, data_version } = await snapshotDb(db);
    return { s, revision, data_version };
  };

  beforeAll(async () => {
    db = createSqliteDb(path.join(dir, 'sources-restore-api.sqlite'));
    await prepareStoreOrThrow(db);
    await checkAndIngest(db, fixture);
    await createEditor(db);
    token = (await createApiToken(db, EDITOR_EMAIL)).token;
    // Revision 2 of "essay": a regrade to restore away from.
    const res = await source.PATCH(
      request('PATCH', '/api/sources/essay', { body: { reliability: 'A', reliabilityReason: 'Overrated?', title: 'An essay (renamed)' }, headers: { ...auth(), 'if-match': '"1"' } }),
      params('essay'),
    );
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(fixture.root, { recursive: true, force: true });
  });

  it('refuses readers (401), other origins (403), a missing If-Match (428), a stale one (412) and bad bodies (400), storing nothing', async () => {
    const before = await data();
    const anonymous = await post('essay', { 'if-match': '"2"' }, { revision: 1 });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('unauthorized');
    expect((await post('essay', { ...auth(), 'if-match': '"2"', origin: 'https://evil.example' }, { revision: 1 })).status).toBe(403);

    const missing = await post('essay', auth(), { revision: 1 });
    expect(missing.status).toBe(428);
    expect((await missing.json()).error.code).toBe('precondition_required');

    const stale = await post('essay', { ...auth(), 'if-match': '"1"' }, { revision: 1 });
    expect(stale.status).toBe(412);
    const staleBody = await stale.json();
    expect(staleBody.error).toMatchObject({ code: 'precondition_failed', current: { id: 'essay', revision: 2, title: 'An essay (renamed)' } });

    for (const body of [{}, { revision: 0 }, { revision: '1' }, { revision: 1, title: 'x' }]) {
      const res = await post('essay', { ...auth(), 'if-match': '"2"' }, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toBe('invalid');
    }
    expect((await post('essay', { ...auth(), 'if-match': '"2"' }, undefined, '{not json')).status).toBe(400);
    expect((await post('essay', { ...auth(), 'if-match': '"2"' }, { revision: 7 })).status).toBe(404);
    expect((await post('no-such-source', { ...auth(), 'if-match': '"1"' }, { revision: 1 })).status).toBe(404);
    expect(await data()).toEqual(before);
  });

  it('restores a past revision for an editor: 200 with the record and the next ETag, recorded as a restore', async () => {
    const ok = await post('essay', { ...auth(), 'if-match': '"2"' }, { revision: 1 });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"3"');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const body = await ok.json();
    expect(body).toMatchObject({ id: 'essay', title: 'An essay', revision: 3 });
    expect(body.reliability).not.toBe('A');

    const got = await source.GET(request('GET', '/api/sources/essay'), params('essay'));
    expect(got.headers.get('etag')).toBe('"3"');
    expect(await got.json()).toMatchObject({ title: 'An essay', revision: 3 });
    const last = await db.selectFrom('revision').select(['action', 'actor', 'reason', 'revision']).where('entity_type', '=', 'source').where('entity_id', '=', 'essay').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ action: 'restore', actor: EDITOR_EMAIL, reason: 'restored revision 1', revision: 3 });
  });
});
