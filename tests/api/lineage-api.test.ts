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

// The lineage API and PATCH /api/sources/{id} with citations, called as Next calls route handlers.
const dir = makeTempDir();
process.env.DATABASE_URL = `file:${path.join(dir, 'lineage-api.sqlite')}`;

const claimLineage = await import('../../app/api/claims/[id]/lineage/route');
const sourceLineage = await import('../../app/api/sources/[id]/lineage/route');
const roots = await import('../../app/api/lineage/roots/route');
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

describe('lineage API', () => {
  let db: Db;
  let token: string;
  const fixture = copyFixture('lineage');
  const auth = () => ({ authorization: `Bearer ${token}` });

  const getLineage = async (claimId: string) => {
    const res = await claimLineage.GET(request('GET', `/api/claims/${claimId}/lineage`), params(claimId));
    expect(res.status).toBe(200);
    return res.json();
  };
  const patchCites = async (sourceId: string, cites: unknown[]) => {
    const current = await source.GET(request('GET', `/api/sources/${sourceId}`), params(sourceId));
    const etag = current.headers.get('etag')!;
    return source.PATCH(request('PATCH', `/api/sources/${sourceId}`, { body: { cites }, headers: { ...auth(), 'if-match': etag } }), params(sourceId));
  };

  beforeAll(async () => {
    db = createSqliteDb(path.join(dir, 'lineage-api.sqlite'));
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

  it('returns a claim graph as nodes and edges with flags: three articles on one release are 1 independent source in 3 appearances', async () => {
    const body = await getLineage('release-figure');
    expect(body.counts).toMatchObject({ appearances: 3, sources: 3, independent: 1, independentStated: 1 });
    expect(body.nodes.map((n: { source: { id: string } }) => n.source.id)).toEqual(['article-one', 'article-two', 'article-three', 'release']);
    expect(body.edges).toContainEqual(expect.objectContaining({ from: 'article-two', to: 'release', basis: 'stated', locator: 'para. 2', flags: [] }));
    // Article three is dated only to the month: it may have come before article one.
    expect(body.first).toEqual({ sourceIds: ['article-one', 'article-three'], date: '2026-01-06', certain: false });
    const release = body.nodes.find((n: { source: { id: string } }) => n.source.id === 'release');
    expect(release).toMatchObject({ appearance: null, flags: ['root'], source: { title: 'The press release', reliability: 'A' } });
    expect(body.evidence.byStance.supports).toEqual({ entries: 2, sources: 2, independent: 1, sharedUpstream: ['release'] });
  });

  it('counts two unrelated surveys as 2 independent sources', async () => {
    expect((await getLineage('two-surveys')).counts).toMatchObject({ sources: 2, independent: 2 });
  });

  it('changes the independence count of every claim resting on a source at the next request after a citation is added through PATCH', async () => {
    expect((await getLineage('digest-repeat')).nodes.map((n: { source: { id: string } }) => n.source.id)).toEqual(['digest', 'survey-b']);
    const res = await patchCites('survey-b', [{ sourceId: 'survey-a', locator: 'methods', basis: 'stated' }]);
    expect(res.status).toBe(200);
    expect((await res.json()).cites).toEqual([{ sourceId: 'survey-a', basis: 'stated', locator: 'methods', inferredBy: null, note: null }]);

    // The claim made in both surveys: now one derives from the other.
    const surveys = await getLineage('two-surveys');
    expect(surveys.counts).toMatchObject({ sources: 2, independent: 1 });
    expect(surveys.evidence.byStance.supports).toMatchObject({ sources: 2, independent: 1, sharedUpstream: ['survey-a'] });
    // The claim resting on survey B only through the digest: its graph reaches survey A now.
    expect((await getLineage('digest-repeat')).nodes.map((n: { source: { id: string } }) => n.source.id)).toEqual(['digest', 'survey-b', 'survey-a']);

    const neighbourhood = await (await sourceLineage.GET(request('GET', '/api/sources/survey-a/lineage'), params('survey-a'))).json();
    expect(neighbourhood).toMatchObject({ sourceId: 'survey-a', derivedSources: 2, derivedClaims: 2 });
    expect(neighbourhood.claimsThroughOthers.items.map((c: { id: string }) => c.id)).toEqual(['digest-repeat']);
    expect(neighbourhood.edges).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'survey-b', to: 'survey-a' }), expect.objectContaining({ from: 'digest', to: 'survey-b', basis: 'inferred' })]),
    );

    const rootList = await (await roots.GET(request('GET', '/api/lineage/roots'))).json();
    // Most claims first: survey A (two claims rest on it now), then the release (one claim, three sources).
    expect(rootList.items.slice(0, 2)).toMatchObject([
      { source: { id: 'survey-a' }, derivedClaims: 2, derivedSources: 2 },
      { source: { id: 'release' }, derivedClaims: 1, derivedSources: 3 },
    ]);
    expect(rootList.items.map((r: { source: { id: string } }) => r.source.id)).toContain('survey-a');
    expect(rootList.items.map((r: { source: { id: string } }) => r.source.id)).not.toContain('survey-b');

    // Taking the link away again restores both counts.
    expect((await patchCites('survey-b', [])).status).toBe(200);
    expect((await getLineage('two-surveys')).counts.independent).toBe(2);
  });

  it('keeps a citation edit in the source history and marks an inferred link with who inferred it', async () => {
    const res = await patchCites('article-three', [{ sourceId: 'release', basis: 'inferred', note: 'The same sentence as the release.' }]);
    expect(res.status).toBe(200);
    expect((await res.json()).cites).toEqual([{ sourceId: 'release', basis: 'inferred', locator: null, inferredBy: EDITOR_EMAIL, note: 'The same sentence as the release.' }]);
    const body = await getLineage('release-figure');
    expect(body.edges.find((e: { from: string }) => e.from === 'article-three')).toMatchObject({ basis: 'inferred', inferredBy: EDITOR_EMAIL, flags: ['inferred'] });
    expect(body.counts).toMatchObject({ independent: 1, independentStated: 2 });
    const revisions = await db.selectFrom('revision').select(['diff']).where('entity_type', '=', 'source').where('entity_id', '=', 'article-three').orderBy('id').execute();
    expect(JSON.parse(revisions.at(-1)!.diff)).toHaveProperty('cites');
  });

  it('refuses a bad citation with 400 naming the field, storing nothing', async () => {
    // Tokens record when they were last used; everything else must stay as it was.
    const stored = async () => ({ ...(await snapshotDb(db)), api_token: [] });
    const before = await stored();
    const cases: [unknown[], string][] = [
      [[{ sourceId: 'no-such-source' }], 'cites[0].sourceId'],
      [[{ sourceId: 'survey-b' }], 'cites[0].sourceId'],
      [[{ sourceId: 'survey-a' }, { sourceId: 'survey-a' }], 'cites[1].sourceId'],
      [[{ sourceId: 'survey-a', basis: 'inferred' }], 'cites[0].note'],
      [[{ sourceId: 'survey-a', basis: 'guessed' }], 'cites[0].basis'],
      [[{ sourceId: 'survey-a', extra: 1 }], 'cites[0].extra'],
    ];
    for (const [cites, field] of cases) {
      const res = await patchCites('survey-b', cites);
      expect(res.status, JSON.stringify(cites)).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'invalid', field });
    }
    expect(await stored()).toEqual(before);
  });

  it('answers unknown ids with 404 and bad parameters with 400, never 500', async () => {
    expect((await claimLineage.GET(request('GET', '/api/claims/nope/lineage'), params('nope'))).status).toBe(404);
    expect((await sourceLineage.GET(request('GET', '/api/sources/nope/lineage'), params('nope'))).status).toBe(404);
    expect((await claimLineage.GET(request('GET', '/api/claims/two-surveys/lineage?depth=3'), params('two-surveys'))).status).toBe(400);
    const badCursor = await roots.GET(request('GET', '/api/lineage/roots?cursor=bm90LWEtY3Vyc29y'));
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).error.code).toBe('invalid');
    expect((await roots.GET(request('GET', '/api/lineage/roots?pageSize=1000'))).status).toBe(400);
  });

  it('pages through the roots with keyset cursors, each root once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/lineage/roots?pageSize=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await (await roots.GET(request('GET', url))).json();
      seen.push(...page.items.map((r: { source: { id: string } }) => r.source.id));
      cursor = page.next;
    } while (cursor);
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
