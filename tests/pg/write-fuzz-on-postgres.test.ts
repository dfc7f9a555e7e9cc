import fs from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createApiToken } from '../../lib/auth/users';
import { createEditor, EDITOR_EMAIL } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { startPostgres, type PostgresServer } from '../helpers/postgres';

// PostgreSQL refuses some text SQLite stores (NUL bytes): the write path must turn that
// into a 400 naming the field before it reaches the database, never a 500.
const ALLOWED = new Set([201, 400, 404, 409]);
const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', 'a\u0000b', '\u0007bell', '\u001b[31m', '\uFFFF', '\uD800', '泡沫\u0000', 'x'.repeat(5001)),
);

describe('property on PostgreSQL: hostile text never makes a write fail with a 500', () => {
  let server: PostgresServer;
  let db: Db;
  let drop: () => Promise<void>;
  let token: string;
  let route: typeof import('../../app/api/claims/[id]/evidence/route');
  const fixture = copyFixture('valid');

  beforeAll(async () => {
    server = await startPostgres();
    const created = await server.createDatabase();
    ({ db, drop } = created);
    await checkAndIngest(db, fixture);
    await createEditor(db);
    token = (await createApiToken(db, EDITOR_EMAIL)).token;
    // The route handler reads its database from the environment, as the server does.
    process.env.DATABASE_URL = created.url;
    route = await import('../../app/api/claims/[id]/evidence/route');
  }, 120_000);
  afterAll(async () => {
    // The route's own connection pool must close before the database can be dropped.
    const { getDb } = await import('../../lib/db');
    await (await getDb()).destroy();
    await drop?.();
    await server?.stop();
    fs.rmSync(fixture.root, { recursive: true, force: true });
  });

  it('answers 201 or a 4xx for text in every field, and stores nothing on a refusal', async () => {
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record({ excerpt: nasty, note: nasty, translation: nasty, locator: nasty, unit: fc.constant(null) }),
        async (fields) => {
          const before = (await db.selectFrom('evidence').select('id').execute()).length;
          const body = JSON.stringify({ sourceId: 'report', stance: 'supports', lang: 'en', ...fields });
          const res = await route.POST(
            new Request('http://h/api/claims/alpha-figure/evidence', {
              method: 'POST',
              headers: { 'content-type': 'application/json', host: 'h', authorization: `Bearer ${token}` },
              body,
            }),
            { params: Promise.resolve({ id: 'alpha-figure' }) },
          );
          statuses.push(res.status);
          expect(ALLOWED.has(res.status), `status ${res.status}`).toBe(true);
          const after = (await db.selectFrom('evidence').select('id').execute()).length;
          expect(after).toBe(res.status === 201 ? before + 1 : before);
        },
      ),
      { numRuns: 150 },
    );
    expect(statuses.filter((s) => s === 400).length).toBeGreaterThan(10);
  });
});
