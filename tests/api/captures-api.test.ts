import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { createApiToken } from '../../lib/auth/users';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { snapshotDb } from '../helpers/snapshot';
import { makeTempDir } from '../helpers/test-db';

// POST/GET /api/sources/{id}/captures and the anchors in the evidence and claim responses, called as Next calls route handlers.
const dir = makeTempDir();
process.env.DATABASE_URL = `file:${path.join(dir, 'captures-api.sqlite')}`;

const captures = await import('../../app/api/sources/[id]/captures/route');
const captureText = await import('../../app/api/sources/[id]/captures/[captureId]/route');
const evidence = await import('../../app/api/evidence/[id]/route');
const claim = await import('../../app/api/claims/[id]/route');
const sourceApi = await import('../../app/api/sources/[id]/route');

const HOST = 'claims.test';
const params = (id: string) => ({ params: Promise.resolve({ id }) });

function upload(sourceId: string, file: Blob | null, name: string, headers: Record<string, string>) {
  const form = new FormData();
  if (file) form.append('file', file, name);
  return new Request(`http://${HOST}/api/sources/${sourceId}/captures`, { method: 'POST', headers: { host: HOST, ...headers }, body: form });
}

function json(method: string, url: string, body: unknown, headers: Record<string, string>) {
  return new Request(`http://${HOST}${url}`, { method, headers: { host: HOST, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('archived copies through the API', () => {
  let db: Db;
  let token: string;
  const fixture = copyFixture('valid');
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    db = createSqliteDb(path.join(dir, 'captures-api.sqlite'));
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

  it('refuses an upload without a token, of another type, or without a file, storing nothing', async () => {
    // A token's last use is recorded: every other table must be as it was.
    const stored = async () => ({ ...(await snapshotDb(db)), api_token: [] });
    const before = await stored();
    const file = new Blob(['Alpha cost $50 million.'], { type: 'text/plain' });
    expect((await captures.POST(upload('essay', file, 'essay.txt', {}), params('essay'))).status).toBe(401);
    const wrongType = await captures.POST(upload('essay', new Blob(['{}'], { type: 'application/json' }), 'x.json', auth()), params('essay'));
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).error).toMatchObject({ code: 'unsupported_media_type', field: 'file' });
    const noFile = await captures.POST(upload('essay', null, '', auth()), params('essay'));
    expect(noFile.status).toBe(400);
    expect((await noFile.json()).error.field).toBe('file');
    const empty = await captures.POST(upload('essay', new Blob([''], { type: 'text/plain' }), 'e.txt', auth()), params('essay'));
    expect(empty.status).toBe(400);
    const unknown = await captures.POST(upload('nope', file, 'essay.txt', auth()), params('nope'));
    expect(unknown.status).toBe(404);
    const badJson = await captures.POST(json('POST', '/api/sources/essay/captures', { fetch: 'yes' }, auth()), params('essay'));
    expect(badJson.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('refuses to fetch a source URL that leads to an inside address (400), and one with no URL', async () => {
    await db.updateTable('source').set({ url: 'http://127.0.0.1:9/secret' }).where('id', '=', 'report').execute();
    const refused = await captures.POST(json('POST', '/api/sources/report/captures', { fetch: true }, auth()), params('report'));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ code: 'invalid', field: 'fetch', reason: 'address', message: expect.stringContaining('loopback') });
    const noUrl = await captures.POST(json('POST', '/api/sources/blog-post/captures', { fetch: true }, auth()), params('blog-post'));
    expect(noUrl.status).toBe(400);
    expect((await noUrl.json()).error.message).toContain('no URL');
    expect(await db.selectFrom('capture').select('id').execute()).toEqual([]);
  });

  it('stores an uploaded copy as a new version and reports how the quotes now anchor', async () => {
    const html = `<!doctype html><html><head><title>An essay</title></head><body><nav>Home · About</nav><article><h1>An essay</h1>
      <p>Many things were said about the project over the years, and most of them were wrong in one way or another.</p>
      <p>Alpha cost $50 million. That was the figure everyone repeated, though nobody could say where it came from first.</p>
      <p>Later estimates were lower, and the essay admits as much in its closing lines about the budget and the timeline.</p></article>
      <script>document.write('not text')</script></body></html>`;
    const res = await captures.POST(upload('essay', new Blob([html], { type: 'text/html' }), 'essay.html', auth()), params('essay'));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.capture).toMatchObject({ sourceId: 'essay', seq: 1, method: 'upload', mediaType: 'text/html', fileName: 'essay.html', capturedBy: EDITOR_EMAIL, extractor: expect.stringContaining('@mozilla/readability@') });
    expect(body.capture.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.quotes.byStatus.verified).toBe(1);

    const second = await captures.POST(upload('essay', new Blob(['A shorter copy. Alpha cost $50 million.'], { type: 'text/plain' }), 'essay.txt', auth()), params('essay'));
    expect((await second.json()).capture.seq).toBe(2);

    const list = await (await captures.GET(new Request(`http://${HOST}/api/sources/essay/captures`), params('essay'))).json();
    expect(list.total).toBe(2);
    expect(list.items.map((c: { seq: number }) => c.seq)).toEqual([2, 1]);
    expect(list.items[0].text).toBeUndefined();

    // Full text: editors only, since this source is not marked public.
    const id = list.items[1].id;
    const reader = await captureText.GET(new Request(`http://${HOST}/api/sources/essay/captures/${id}`), { params: Promise.resolve({ id: 'essay', captureId: id }) });
    expect(reader.status).toBe(403);
    const editorView = await captureText.GET(new Request(`http://${HOST}/api/sources/essay/captures/${id}`, { headers: auth() }), { params: Promise.resolve({ id: 'essay', captureId: id }) });
    const text = (await editorView.json()).text as string;
    expect(text).toContain('Alpha cost $50 million.');
    expect(text).not.toContain('Home · About');
    expect(text).not.toContain('not text');
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(3); // paragraphs stay apart
  });

  it('lets an editor mark a source public, after which readers see the full text', async () => {
    const current = await sourceApi.GET(new Request(`http://${HOST}/api/sources/essay`), params('essay'));
    const etag = current.headers.get('etag')!;
    const patched = await sourceApi.PATCH(json('PATCH', '/api/sources/essay', { licence: 'CC BY 4.0', textPublic: true }, { ...auth(), 'if-match': etag }), params('essay'));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ licence: 'CC BY 4.0', textPublic: true });
    const list = await (await captures.GET(new Request(`http://${HOST}/api/sources/essay/captures`), params('essay'))).json();
    const id = list.items[0].id;
    const reader = await captureText.GET(new Request(`http://${HOST}/api/sources/essay/captures/${id}`), { params: Promise.resolve({ id: 'essay', captureId: id }) });
    expect(reader.status).toBe(200);
    expect(await reader.json()).toMatchObject({ licence: 'CC BY 4.0', text: 'A shorter copy. Alpha cost $50 million.' });
  });

  it('shows anchors and statuses in the evidence and claim responses', async () => {
    const ev = await (await evidence.GET(new Request(`http://${HOST}/api/evidence/ev-alpha-essay`), params('ev-alpha-essay'))).json();
    expect(ev.anchor).toMatchObject({
      status: 'moved',
      captureId: expect.stringMatching(/^cap-/),
      distance: 0,
      selectors: [{ type: 'TextQuoteSelector', exact: 'Alpha cost $50 million.', prefix: 'A shorter copy. ', suffix: '' }, { type: 'TextPositionSelector', start: 16, end: 39 }],
    });
    const c = await (await claim.GET(new Request(`http://${HOST}/api/claims/alpha-figure`), params('alpha-figure'))).json();
    expect(c.passages).toEqual([{ position: 0, lang: 'zh-Hant', text: '阿爾法的成本約為 5,000 萬美元;', translation: 'Alpha cost about US$50 million;', locator: null, anchor: expect.objectContaining({ status: 'no-capture' }) }]);
    const essayEvidence = c.evidence.find((e: { id: string }) => e.id === 'ev-alpha-essay');
    expect(essayEvidence.anchor.status).toBe('moved');
    expect(c.quoteProblemCount).toBe(0);
  });
});
