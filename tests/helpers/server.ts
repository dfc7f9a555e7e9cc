import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const NEXT_BIN = path.join(REPO_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const BUILD_ID = path.join(REPO_ROOT, '.next', 'BUILD_ID');
const LOCK_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'claim-ledger-next-build.lock');
// Everything a build is made from: a build older than any of these is rebuilt.
const BUILD_INPUTS = ['app', 'lib', 'db', 'next.config.mjs', 'package.json', 'tsconfig.json'];

function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function buildIsFresh(): boolean {
  if (!fs.existsSync(BUILD_ID)) return false;
  const built = fs.statSync(BUILD_ID).mtimeMs;
  return BUILD_INPUTS.every((p) => newestMtime(path.join(REPO_ROOT, p)) <= built);
}

/**
 * Runs `next build` unless .next is newer than every source file. Test files run in
 * parallel: a lock directory makes one build while the others wait for it.
 */
export async function ensureNextBuild(databaseUrl: string): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      break;
    } catch {
      // A lock older than the longest build is left over from a killed run.
      const age = Date.now() - (fs.statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 300_000) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('timed out waiting for another next build');
      await sleep(500);
    }
  }
  try {
    if (buildIsFresh()) return;
    // The build prerenders a few pages; point it at a throwaway database, not .data/.
    const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      timeout: 280_000,
    });
    if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  stop: () => Promise<void>;
  output: () => string;
  /** The process id, for a test that kills it hard (kill -9) instead of stopping it. */
  pid: number;
}

const SERVER_ENTRY = path.join(REPO_ROOT, 'server.mjs');

/**
 * Starts the production entry (`node server.mjs`, what `npm start` runs) on a free port
 * against the given SQLite file, bound to 127.0.0.1.
 */
export async function startNextServer(databaseFile: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await getFreePort();
  const child: ChildProcess = spawn(process.execPath, [SERVER_ENTRY, '--hostname', '127.0.0.1'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NODE_ENV: 'production', PORT: String(port), NEXT_TELEMETRY_DISABLED: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.mjs exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/methodology`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`server.mjs did not answer within 30 s:\n${log}`);
    }
    await sleep(150);
  }
  return {
    url,
    port,
    output: () => log,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}
