import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { createApiToken } from '../../lib/auth/users';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { LIST_VIEW_ROUTES } from '../../lib/http/list-view';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, REPO_ROOT, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The OpenAPI document is the contract: every operation it lists is called on the real server
// (server.mjs), and every answer, success or error, must be a status the document lists for that
// operation with a body its schema accepts. And every route.ts under app/api is in the document.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
let db: Db;
let server: RunningServer;
let token: string;
let doc: Json;

beforeAll(async () => {
  dir = makeTempDir();
  const dbFile = path.join(dir, 'contract.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, copyFixture());
  await createEditor(db);
  token = (await createApiToken(db, EDITOR_EMAIL)).token;
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  server = await startNextServer(dbFile);
  doc = await (await fetch(`${server.url}/api/openapi.json`)).json();
}, 360_000);

afterAll(async () => {
  await server?.stop();
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Inlines #/components/schemas refs (the API's schemas have no cycles). */
function deref(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(deref);
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Json;
  if (typeof s.$ref === 'string') return deref(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]);
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, deref(v)]));
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();

const seen = new Set<string>();
const answered = new Map<string, Set<number>>();

/** Calls one documented operation and checks the answer against the document. */
async function call(
  method: string,
  docPath: string,
  options: { path?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; editor?: boolean } = {},
): Promise<{ status: number; body: Json | null; headers: Headers }> {
  const key = `${method} ${docPath}`;
  const op = doc.paths[docPath]?.[method.toLowerCase()];
  expect(op, `${key} is documented`).toBeDefined();
  seen.add(key);
  const headers: Record<string, string> = { ...options.headers };
  if (options.editor) headers.authorization = `Bearer ${token}`;
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${server.url}${options.path ?? docPath}`, { method, headers, body, redirect: 'manual' });
  const spec = op.responses[String(res.status)];
  const text = await res.text();
  expect(spec, `${key} → ${res.status} is a documented status (${text.slice(0, 300)})`).toBeDefined();
  answered.set(key, (answered.get(key) ?? new Set()).add(res.status));
  let parsed: Json | null = null;
  const schema = spec.content?.['application/json']?.schema;
  if (schema) {
    expect(res.headers.get('content-type'), `${key} → ${res.status} is JSON`).toMatch(/application\/json/);
    parsed = JSON.parse(text);
    const id = `${key} ${res.status}`;
    if (!validators.has(id)) validators.set(id, ajv.compile(deref(schema) as object));
    const validate = validators.get(id)!;
    expect(validate(parsed), `${id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  } else if (spec.content) {
    // A download (not JSON): one of the media types the document lists for it.
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
    expect(Object.keys(spec.content), `${key} → ${res.status} is ${type}`).toContain(type);
    expect(text.length, `${key} → ${res.status} has a body`).toBeGreaterThan(0);
  } else {
    expect(text, `${key} → ${res.status} has no body`).toBe('');
  }
  for (const name of Object.keys(spec.headers ?? {})) {
    if (name === 'Location' || name === 'ETag' || name === 'Retry-After') expect(res.headers.get(name), `${key} → ${res.status} sends ${name}`).not.toBeNull();
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

const goodEvidence = { sourceId: 'report', stance: 'contradicts', target: 'whole', excerpt: 'Alpha cost $4.3 million.', lang: 'en' };

describe('the OpenAPI document at /api/openapi.json', () => {
  it('is OpenAPI 3.1 and its schemas compile', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    for (const [name, schema] of Object.entries(doc.components.schemas)) expect(() => ajv.compile(deref(schema) as object), name).not.toThrow();
  });

  it('describes every answer of every operation, success and error, as the server gives it', async () => {
    // Claims
    expect((await call('GET', '/api/claims', { path: '/api/claims?pageSize=2' })).body!.items).toHaveLength(2);
    expect((await call('GET', '/api/claims', { path: '/api/claims?pageSize=0' })).status).toBe(400);
    const claim = await call('GET', '/api/claims/{id}', { path: '/api/claims/alpha-figure' });
    expect(claim.status).toBe(200);
    expect((await call('GET', '/api/claims/{id}', { path: '/api/claims/alpha-figure', headers: { 'if-none-match': claim.headers.get('etag')! } })).status).toBe(304);
    expect((await call('GET', '/api/claims/{id}', { path: '/api/claims/no-such-claim' })).status).toBe(404);
    expect((await call('GET', '/api/claims/{id}/lineage', { path: '/api/claims/alpha-figure/lineage' })).status).toBe(200);
    expect((await call('GET', '/api/claims/{id}/lineage', { path: '/api/claims/alpha-figure/lineage?depth=2' })).status).toBe(400);
    expect((await call('GET', '/api/claims/{id}/lineage', { path: '/api/claims/nope/lineage' })).status).toBe(404);
    expect((await call('POST', '/api/claims/{id}/confidence', { path: '/api/claims/alpha-figure/confidence', json: { confidence: 0.4, reason: 'Contract test.' }, editor: true })).status).toBe(201);
    expect((await call('POST', '/api/claims/{id}/confidence', { path: '/api/claims/alpha-figure/confidence', json: { confidence: 0.4, reason: 'x' } })).status).toBe(401);
    expect((await call('POST', '/api/claims/{id}/confidence', { path: '/api/claims/alpha-figure/confidence', json: { confidence: 3, reason: 'x' }, editor: true })).status).toBe(400);

    // Evidence and proposals
    const evPath = '/api/claims/alpha-figure/evidence';
    const created = await call('POST', '/api/claims/{id}/evidence', { path: evPath, json: goodEvidence, editor: true });
    expect(created.status).toBe(201);
    const proposal = await call('POST', '/api/claims/{id}/evidence', { path: evPath, json: goodEvidence });
    expect(proposal.body!.status).toBe('pending');
    const second = await call('POST', '/api/claims/{id}/evidence', { path: evPath, json: goodEvidence });
    expect((await call('POST', '/api/claims/{id}/evidence', { path: evPath, body: '{"excerpt":"\\ud800"}', headers: { 'content-type': 'application/json' }, editor: true })).body!.error.field).toBe('excerpt');
    expect((await call('POST', '/api/claims/{id}/evidence', { path: evPath, body: 'stance=supports', headers: { 'content-type': 'application/x-www-form-urlencoded' }, editor: true })).status).toBe(415);
    expect((await call('POST', '/api/claims/{id}/evidence', { path: evPath, json: goodEvidence, headers: { origin: 'https://evil.example' }, editor: true })).status).toBe(403);
    expect((await call('POST', '/api/claims/{id}/evidence', { path: '/api/claims/nope/evidence', json: goodEvidence, editor: true })).status).toBe(404);

    const evId = created.body!.id as string;
    const ev = `/api/evidence/${evId}`;
    expect((await call('GET', '/api/evidence/{id}', { path: ev })).headers.get('etag')).toBe('"1"');
    expect((await call('GET', '/api/evidence/{id}', { path: `/api/evidence/${proposal.body!.id}` })).status).toBe(404);
    expect((await call('GET', '/api/evidence/{id}', { path: ev, headers: { authorization: 'Bearer clt_wrong' } })).status).toBe(401);
    expect((await call('PATCH', '/api/evidence/{id}', { path: ev, json: { note: 'x' }, editor: true })).status).toBe(428);
    expect((await call('PATCH', '/api/evidence/{id}', { path: ev, json: { note: 'x' }, headers: { 'if-match': 'W/"1"' }, editor: true })).status).toBe(412);
    expect((await call('PATCH', '/api/evidence/{id}', { path: ev, json: { note: 'Checked.' }, headers: { 'if-match': '"1"' }, editor: true })).status).toBe(200);
    expect((await call('PATCH', '/api/evidence/{id}', { path: ev, json: { note: 'x' }, headers: { 'if-match': '"1"' }, editor: true })).status).toBe(412);
    expect((await call('DELETE', '/api/evidence/{id}', { path: ev, json: {}, headers: { 'if-match': '"2"' }, editor: true })).status).toBe(400);
    expect((await call('DELETE', '/api/evidence/{id}', { path: ev, json: { reason: 'Duplicate.' }, headers: { 'if-match': '"2"' }, editor: true })).status).toBe(200);
    expect((await call('POST', '/api/evidence/{id}/restore', { path: `${ev}/restore`, editor: true })).status).toBe(428);
    expect((await call('POST', '/api/evidence/{id}/restore', { path: `${ev}/restore`, headers: { 'if-match': '"3"' }, editor: true })).status).toBe(200);
    expect((await call('POST', '/api/evidence/{id}/restore', { path: `${ev}/restore`, headers: { 'if-match': '"4"' } })).status).toBe(401);

    const accept = `/api/proposals/${proposal.body!.id}/accept`;
    expect((await call('POST', '/api/proposals/{id}/accept', { path: accept })).status).toBe(401);
    expect((await call('POST', '/api/proposals/{id}/accept', { path: accept, editor: true })).status).toBe(200);
    expect((await call('POST', '/api/proposals/{id}/accept', { path: accept, editor: true })).status).toBe(409);
    expect((await call('POST', '/api/proposals/{id}/accept', { path: '/api/proposals/ev-000000000000/accept', editor: true })).status).toBe(404);
    const reject = `/api/proposals/${second.body!.id}/reject`;
    expect((await call('POST', '/api/proposals/{id}/reject', { path: reject, editor: true })).status).toBe(400);
    expect((await call('POST', '/api/proposals/{id}/reject', { path: reject, json: { reason: 'Same as another.' }, editor: true })).status).toBe(200);

    // Sources
    expect((await call('GET', '/api/sources', { path: '/api/sources?pageSize=1' })).body!.items).toHaveLength(1);
    expect((await call('GET', '/api/sources', { path: '/api/sources?type=nope' })).status).toBe(400);
    const newSource = { title: 'Contract test source', type: 'news', url: 'https://example.org/contract-test' };
    const source = await call('POST', '/api/sources', { json: newSource, editor: true });
    expect(source.status).toBe(201);
    expect((await call('POST', '/api/sources', { json: newSource, editor: true })).status).toBe(409);
    expect((await call('POST', '/api/sources', { json: newSource })).status).toBe(401);
    const src = `/api/sources/${source.body!.id}`;
    expect((await call('GET', '/api/sources/{id}', { path: '/api/sources/report' })).status).toBe(200);
    expect((await call('GET', '/api/sources/{id}', { path: '/api/sources/nope' })).status).toBe(404);
    expect((await call('PATCH', '/api/sources/{id}', { path: src, json: { publisher: 'Example' }, headers: { 'if-match': '"1"' }, editor: true })).status).toBe(200);
    expect((await call('PATCH', '/api/sources/{id}', { path: src, json: { publisher: 'Example' }, headers: { 'if-match': '"1"' }, editor: true })).status).toBe(412);
    expect((await call('POST', '/api/sources/{id}/restore', { path: `${src}/restore`, json: { revision: 1 }, editor: true })).status).toBe(428);
    expect((await call('POST', '/api/sources/{id}/restore', { path: `${src}/restore`, json: { revision: 1 }, headers: { 'if-match': '"2"' }, editor: true })).status).toBe(200);
    expect((await call('GET', '/api/sources/{id}/lineage', { path: '/api/sources/report/lineage' })).status).toBe(200);
    expect((await call('GET', '/api/sources/{id}/lineage', { path: '/api/sources/nope/lineage' })).status).toBe(404);

    const upload = new FormData();
    upload.append('file', new Blob(['Alpha cost $4.3 million, the report says.'], { type: 'text/plain' }), 'report.txt');
    const capture = await call('POST', '/api/sources/{id}/captures', { path: '/api/sources/report/captures', body: upload, editor: true });
    expect(capture.status).toBe(201);
    expect((await call('POST', '/api/sources/{id}/captures', { path: '/api/sources/report/captures', json: { fetch: false }, editor: true })).status).toBe(400);
    expect((await call('GET', '/api/sources/{id}/captures', { path: '/api/sources/report/captures' })).body!.total).toBeGreaterThan(0);
    expect((await call('GET', '/api/sources/{id}/captures', { path: '/api/sources/nope/captures' })).status).toBe(404);
    const one = `/api/sources/report/captures/${capture.body!.capture.id}`;
    expect((await call('GET', '/api/sources/{id}/captures/{captureId}', { path: one, editor: true })).body!.text).toMatch(/Alpha cost/);
    expect((await call('GET', '/api/sources/{id}/captures/{captureId}', { path: one })).status).toBe(403);
    expect((await call('GET', '/api/sources/{id}/captures/{captureId}', { path: '/api/sources/report/captures/nope', editor: true })).status).toBe(404);

    expect((await call('POST', '/api/sources/{id}/merge', { path: `${src}/merge`, json: { into: 'report', reason: 'Same report.' }, editor: true })).status).toBe(200);
    expect((await call('POST', '/api/sources/{id}/merge', { path: '/api/sources/nope/merge', json: { into: 'report', reason: 'x' }, editor: true })).status).toBe(404);
    expect((await call('POST', '/api/sources/{id}/merge', { path: `${src}/merge`, json: { into: 'report' }, editor: true })).status).toBe(400);

    // Lineage, search, session, the document itself
    expect((await call('GET', '/api/lineage/roots')).status).toBe(200);
    expect((await call('GET', '/api/lineage/roots', { path: '/api/lineage/roots?pageSize=1000' })).status).toBe(400);
    const numbers = await call('GET', '/api/numbers', { path: '/api/numbers?sort=title' });
    expect(numbers.status).toBe(200);
    expect((await call('GET', '/api/numbers', { path: '/api/numbers?sort=size' })).status).toBe(400);
    expect((await call('GET', '/api/numbers', { path: '/api/numbers?cursor=not-a-cursor' })).status).toBe(400);
    expect((await call('GET', '/api/search', { path: '/api/search?q=alpha' })).status).toBe(200);
    expect((await call('GET', '/api/search', { path: '/api/search?q=alpha&limit=abc' })).status).toBe(400);
    // Intake: editors only, writes nothing
    const article = () => {
      const form = new FormData();
      form.set('text', 'Alpha cost $4.3 million in 2023, according to the report.\nBeta rose 17% since 2020, the agency said.');
      form.set('lang', 'en');
      return form;
    };
    const intake = await call('POST', '/api/intake', { body: article(), editor: true });
    expect(intake.status).toBe(200);
    expect(intake.body!.candidates.length).toBeGreaterThan(0);
    expect((await call('POST', '/api/intake', { body: article() })).status).toBe(401);
    const ticked = article();
    ticked.set('rank', '1');
    ticked.set('source', 'report');
    expect((await call('POST', '/api/intake/drafts', { body: ticked, editor: true })).status).toBe(200);
    expect((await call('POST', '/api/intake/drafts', { body: article() })).status).toBe(401);

    expect((await call('GET', '/api/session')).body).toEqual({ signedIn: false });
    expect((await call('GET', '/api/session', { editor: true })).body).toMatchObject({ signedIn: true, email: EDITOR_EMAIL });
    expect((await call('GET', '/api/session', { headers: { authorization: 'Bearer clt_wrong' } })).status).toBe(401);
    expect((await call('GET', '/api/openapi.json')).body!.openapi).toBe(doc.openapi);

    // Nothing documented went uncalled, and each operation was seen succeeding and refusing.
    const documented = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item as Json).map((m) => `${m.toUpperCase()} ${p}`));
    expect([...seen].sort()).toEqual(documented.sort());
    for (const key of documented) {
      if (key === 'GET /api/openapi.json') continue; // it has no error to give
      const statuses = [...answered.get(key)!];
      expect(statuses.some((s) => s < 300), `${key} succeeded`).toBe(true);
      expect(statuses.some((s) => s >= 400), `${key} refused`).toBe(true);
    }
  });

  it('the reference page at /api lists every operation, as text', async () => {
    const res = await fetch(`${server.url}/api`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const m of Object.keys(item as Json)) expect(html, `${m} ${p}`).toContain(`id="${(item as Json)[m].operationId}"`);
    }
  });
});

describe('every route under app/api is documented', () => {
  const apiRoot = path.join(REPO_ROOT, 'app', 'api');
  const routeFiles = (fs.readdirSync(apiRoot, { recursive: true }) as string[]).filter((f) => f.endsWith(`${path.sep}route.ts`) || f === 'route.ts');
  const listViewOf = Object.fromEntries(Object.entries(LIST_VIEW_ROUTES).map(([pub, cached]) => [cached, pub]));

  it('finds the route files', () => {
    expect(routeFiles.length).toBeGreaterThan(15);
  });

  it.each(routeFiles)('%s: every exported handler is wrapped and in the document under its path', async (file) => {
    const mod = (await import(path.join(apiRoot, file))) as Record<string, unknown>;
    const routePath = `/api/${path.dirname(file).split(path.sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');
    // app/api/lists/… serve the public lists (proxy.ts): documented as those.
    const publicPath = listViewOf[routePath.replace(/\/\{view\}$/, '')] ?? routePath;
    const handlers = Object.entries(mod).filter(([name]) => ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(name));
    expect(handlers.length).toBeGreaterThan(0);
    for (const [method, handler] of handlers) {
      const operation = (handler as { operation?: { method: string; path: string } }).operation;
      expect(operation, `${method} in ${file} is declared through defineOperation`).toBeDefined();
      expect({ method: operation!.method, path: operation!.path }).toEqual({ method, path: publicPath });
      expect(doc.paths[publicPath]?.[method.toLowerCase()], `${method} ${publicPath} is in /api/openapi.json`).toBeDefined();
    }
  });
});
