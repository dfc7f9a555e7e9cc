import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { createApiToken } from '../../lib/auth/users';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { makeTempDir } from '../helpers/test-db';

// Route handlers are called as Next calls them (as in write-api.test.ts): the database is the
// one the routes open from DATABASE_URL.
const dir = makeTempDir();
process.env.DATABASE_URL = `file:${path.join(dir, 'numbers.sqlite')}`;

const claimEvidence = await import('../../app/api/claims/[id]/evidence/route');
const claimApi = await import('../../app/api/claims/[id]/route');
const numbersApi = await import('../../app/api/numbers/route');
const chart = await import('../../app/[locale]/claims/[id]/numbers.svg/route');
const csv = await import('../../app/[locale]/claims/[id]/numbers.csv/route');
const metadata = await import('../../app/[locale]/claims/[id]/numbers.json/route');

const HOST = 'claims.test';
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (url: string, headers: Record<string, string> = {}) => new Request(`http://${HOST}${url}`, { headers: { host: HOST, ...headers } });

describe('numbers through the API', () => {
  let db: Db;
  let token: string;
  const fixture = copyFixture('valid');

  beforeAll(async () => {
    db = createSqliteDb(path.join(dir, 'numbers.sqlite'));
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

  it('a numeric evidence entry posted to the API is in the comparison, the chart and the CSV at the next request', async () => {
    const before = await (await claimApi.GET(get('/api/claims/alpha-figure'), params('alpha-figure'))).json();
    expect(before.numbers.comparisons.map((c: { evidenceId: string }) => c.evidenceId)).toEqual(['ev-alpha-report']);
    const svgBefore = await (await chart.GET(get('/claims/alpha-figure/numbers.svg'), params('alpha-figure'))).text();

    const body = { sourceId: 'essay', stance: 'contradicts', target: 'value', excerpt: 'Alpha cost about 20 million dollars.', lang: 'en', quantity: { text: 'US$20 million', as_of: '2020' } };
    const posted = await claimEvidence.POST(
      new Request(`http://${HOST}/api/claims/alpha-figure/evidence`, { method: 'POST', headers: { host: HOST, authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      params('alpha-figure'),
    );
    expect(posted.status).toBe(201);
    const record = await posted.json();
    expect(record.quantity).toEqual({ value: 20_000_000, unit: 'USD', measure: 'training-cost.gpt-3', as_of: '2020', text: 'US$20 million' });

    const after = await (await claimApi.GET(get('/api/claims/alpha-figure'), params('alpha-figure'))).json();
    const added = after.numbers.comparisons.find((c: { evidenceId: string }) => c.evidenceId === record.id);
    expect(added).toMatchObject({ relation: 'same', position: 'above', ratio: { low: 2.5, high: 2.5 } });
    expect(after.numbers.summary).toBe('The claimed figure, US$50M (50,000,000 USD), is 2.5–11.6× above every one of the 2 independent figures of this measure we hold.');

    const svgRes = await chart.GET(get('/claims/alpha-figure/numbers.svg'), params('alpha-figure'));
    expect(svgRes.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await svgRes.text();
    expect(svg).not.toBe(svgBefore);
    expect(svg).toContain('US$20M (20,000,000 USD)'); // in the chart's description
    // One mark per figure: the claimed value (a diamond on its dashed line) and each evidence value.
    const dots = /<g aria-label="dot">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(dots.match(/<path /g)).toHaveLength(3);
    expect(svg).toMatch(/<g [^>]*stroke-dasharray="4,3"[^>]*aria-label="rule"/);

    const rows = (await (await csv.GET(get('/claims/alpha-figure/numbers.csv'), params('alpha-figure'))).text()).trim().split('\r\n');
    expect(rows[0]).toBe('claim_id,role,source_id,source_title,stance,measure,relation,value,low,high,unit,as_of,price_year,basis,position,ratio_low,ratio_high,note');
    expect(rows).toHaveLength(4); // header, the claimed figure, two evidence figures
    expect(rows.find((r) => r.includes(',essay,'))).toMatch(/^alpha-figure,evidence,essay,.*,contradicts,training-cost\.gpt-3,same,20000000,,,USD,2020,,,above,2\.5,2\.5,$/);

    const meta = await (await metadata.GET(get('/claims/alpha-figure/numbers.json'), params('alpha-figure'))).json();
    expect(meta).toMatchObject({ measure: { key: 'training-cost.gpt-3' }, unit: 'USD', csv: `http://${HOST}/claims/alpha-figure/numbers.csv` });
    expect(meta.sources.map((s: { id: string }) => s.id).sort()).toEqual(['essay', 'report']);
  });

  it('answers a revalidation with 304 until the next write, and refuses parameters on the chart', async () => {
    const first = await chart.GET(get('/claims/alpha-figure/numbers.svg'), params('alpha-figure'));
    const etag = first.headers.get('etag')!;
    expect((await chart.GET(get('/claims/alpha-figure/numbers.svg', { 'if-none-match': etag }), params('alpha-figure'))).status).toBe(304);
    expect((await chart.GET(get('/claims/alpha-figure/numbers.svg?w=1'), params('alpha-figure'))).status).toBe(400);
    expect((await chart.GET(get('/claims/beta-figure/numbers.svg'), params('beta-figure'))).status).toBe(404);
  });

  it('lists numeric claims with a cursor and refuses a foreign cursor with a 400 naming it', async () => {
    const page = await (await numbersApi.GET(get('/api/numbers?pageSize=1'))).json();
    expect(page).toMatchObject({ total: 1, pageSize: 1, next: null, items: [{ claimId: 'alpha-figure', measure: 'training-cost.gpt-3' }] });
    const bad = await numbersApi.GET(get('/api/numbers?sort=title&cursor=WyJkZXZpYXRpb246ZGVzYyIsImEiLDEsIngiXQ'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: 'invalid' });
    expect((await numbersApi.GET(get('/api/numbers?sort=size'))).status).toBe(400);
  });
});
