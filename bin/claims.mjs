#!/usr/bin/env node
// The `claims` command. The CLI is TypeScript. Loading it file by file through a TypeScript
// loader costs about a second and a half before any work (Kysely alone is hundreds of
// modules), which would be most of an incremental ingest; so it runs from a bundle, built
// with esbuild the first time and again whenever a source file is newer than the bundle.
// If the bundle cannot be built, tsx compiles the CLI on the fly instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheRoot = path.join(root, 'node_modules', '.cache', 'claim-ledger');
// Each build has a folder of its own, and `current` names the newest. A build's chunks are loaded
// while its command runs (charts, extraction), so a run that builds again must not delete a
// folder another run is still loading from: old folders go only once they are an hour old.
const pointer = path.join(cacheRoot, 'current');
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;
// Everything the CLI is made of; db/seed is data, read at run time.
const inputs = ['cli', 'lib', 'db', 'package-lock.json', 'tsconfig.json'];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(p)) {
    if (name === 'seed') continue;
    newest = Math.max(newest, newestMtime(path.join(p, name)));
  }
  return newest;
}

function currentBuild() {
  try {
    const dir = path.join(cacheRoot, fs.readFileSync(pointer, 'utf8').trim());
    const builtAt = fs.statSync(path.join(dir, 'cli.mjs')).mtimeMs;
    return { bundle: path.join(dir, 'cli.mjs'), builtAt };
  } catch {
    return null;
  }
}

function pruneOldBuilds(keep) {
  for (const entry of fs.readdirSync(cacheRoot, { withFileTypes: true })) {
    // `current` and a concurrent run's pointer on its way in (`current.<pid>.tmp`) stay.
    if (entry.name === keep || entry.name.startsWith('current')) continue;
    const p = path.join(cacheRoot, entry.name);
    const age = Date.now() - (fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    // Files at the top are the single-folder layout of earlier versions.
    if (entry.isFile() || age > KEEP_OLD_BUILDS_MS) fs.rmSync(p, { recursive: true, force: true });
  }
}

async function loadMain() {
  const current = currentBuild();
  if (current && inputs.every((p) => newestMtime(path.join(root, p)) < current.builtAt)) return (await import(pathToFileURL(current.bundle).href)).main;
  try {
    const esbuild = await import('esbuild');
    const name = `build-${Date.now()}-${process.pid}`;
    const outdir = path.join(cacheRoot, name);
    await esbuild.build({
      // The claim parser's worker threads run their own entry (lib/claims/parse-pool.ts).
      entryPoints: { cli: path.join(root, 'cli', 'main.ts'), 'parse-worker': path.join(root, 'lib', 'claims', 'parse-worker.ts') },
      outExtension: { '.js': '.mjs' },
      bundle: true,
      // What a command loads only when it needs it (charts, PDF and HTML extraction) goes in chunks of its
      // own, so that the start-up of every other command does not compile it.
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outdir,
      // Native and optional database drivers are loaded from node_modules as usual.
      external: ['better-sqlite3', 'pg', 'pg-native'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    // The pointer moves in one rename: a concurrent run reads the old build's name or this one's.
    const temp = `${pointer}.${process.pid}.tmp`;
    fs.writeFileSync(temp, name);
    fs.renameSync(temp, pointer);
    pruneOldBuilds(name);
    return (await import(pathToFileURL(path.join(outdir, 'cli.mjs')).href)).main;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('../cli/main.ts')).main;
  }
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
