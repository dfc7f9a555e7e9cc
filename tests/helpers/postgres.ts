import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPostgresDb, type Db } from '../../db/client';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { getFreePort } from './server';

export interface PostgresServer {
  url: (database: string) => string;
  createDatabase: () => Promise<{ db: Db; url: string; drop: () => Promise<void> }>;
  stop: () => Promise<void>;
}

function findPgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb'))) return bin;
  }
  throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql: install them with `apt-get install -y postgresql` (.ci/run does).');
}

/**
 * A private PostgreSQL cluster in a temp folder on a free port, started for the tests
 * and removed after them: a real server, isolated from any system cluster.
 * initdb refuses to run as root, so as root the cluster belongs to the postgres user.
 * Tests run it with fsync off (nothing they store must outlive a power cut); a benchmark of
 * durable writes asks for `durable`, PostgreSQL's own default.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = findPgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-ledger-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] as const : [path.join(bin, cmd), args] as const;
    const r = spawnSync(full[0], [...full[1]], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);
  const port = await getFreePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${options.durable ? '' : ' -c fsync=off'}`, 'start']);

  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = new pg.Pool({ connectionString: url('postgres'), max: 2 });
  let counter = 0;
  return {
    url,
    async createDatabase() {
      const name = `claims_test_${process.pid}_${++counter}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const db = createPostgresDb(url(name), { max: 10 });
      await prepareStoreOrThrow(db);
      return {
        db,
        url: url(name),
        drop: async () => {
          await db.destroy();
          await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        },
      };
    },
    async stop() {
      await admin.end();
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
