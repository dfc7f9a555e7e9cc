import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseDatabaseUrl, parseEnv, repoRoot } from '../../lib/env';

describe('configuration', () => {
  it('defaults to a SQLite file under the repository root, wherever the command runs from', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATABASE_URL: 'file:.data/claims.sqlite', CLAIMS_DIR: 'claims', PORT: 3000 });
    expect(parseDatabaseUrl(env.DATABASE_URL)).toEqual({ kind: 'sqlite', filename: path.join(repoRoot, '.data', 'claims.sqlite') });
    expect(parseDatabaseUrl('file:/var/lib/claims.sqlite')).toEqual({ kind: 'sqlite', filename: '/var/lib/claims.sqlite' });
  });

  it('refuses a malformed DATABASE_URL or PORT, naming the variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'claims.sqlite' })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: 'claims.sqlite' })).toThrow(/DATABASE_URL: expected file:<path>/);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
