import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { ensureNextBuild, startNextServer, type RunningServer } from '../helpers/server';
import { makeTempDir } from '../helpers/test-db';

// The proposal rate limit keys on the client's address. Through the real server entry,
// a forged X-Forwarded-For must not make one client look like many, unless the server
// is configured to sit behind a proxy that sets that header.
const body = JSON.stringify({ sourceId: 'report', stance: 'supports', excerpt: 'Alpha cost $4.3 million.', lang: 'en' });

let dir: string;
let db: Db;
const servers: RunningServer[] = [];

beforeAll(async () => {
  dir = makeTempDir('claim-ledger-client-address-');
  const dbFile = path.join(dir, 'addr.sqlite');
  db = createSqliteDb(dbFile);
  await prepareStoreOrThrow(db);
  await checkAndIngest(db, copyFixture());
  await ensureNextBuild(`file:${path.join(dir, 'build.sqlite')}`);
  servers.push(await startNextServer(dbFile, { PROPOSAL_RATE_LIMIT: '2' }));
  servers.push(await startNextServer(dbFile, { PROPOSAL_RATE_LIMIT: '2', TRUST_PROXY: 'true' }));
}, 360_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.destroy();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function propose(server: RunningServer, claimId: string, forwardedFor: string): Promise<Response> {
  return fetch(`${server.url}/api/claims/${claimId}/evidence`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body,
  });
}

describe('the client address behind the proposal rate limit', () => {
  it('ignores a forged X-Forwarded-For: one client stays one client (429 with Retry-After)', async () => {
    const [direct] = servers;
    const statuses = [];
    for (const forged of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) statuses.push((await propose(direct!, 'alpha-figure', forged)).status);
    expect(statuses).toEqual([201, 201, 429]);
    const limited = await propose(direct!, 'alpha-figure', '198.51.100.4');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });

  it('trusts X-Forwarded-For when configured to run behind a proxy', async () => {
    const proxied = servers[1]!;
    const statuses = [];
    for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) statuses.push((await propose(proxied, 'beta-figure', client)).status);
    expect(statuses).toEqual([201, 201, 201]);
    expect((await db.selectFrom('evidence').select('id').where('status', '=', 'pending').execute()).length).toBe(5);
  });
});
