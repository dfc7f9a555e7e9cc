#!/usr/bin/env node
// The `claims` command. The CLI is TypeScript. Loading it file by file through a TypeScript
// loader costs about a second and a half before any work (Kysely alone is hundreds of
// modules), which would be most of an incremental ingest; so it runs from one bundle, built
// with esbuild the first time and again whenever a source file is newer than the bundle.
// If the bundle cannot be built, tsx compiles the CLI on the fly instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'node_modules', '.cache', 'claim-ledger');
const bundle = path.join(outdir, 'cli.mjs');
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

async function loadMain() {
  const built = fs.statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > 0 && inputs.every((p) => newestMtime(path.join(root, p)) < built)) return (await import(pathToFileURL(bundle).href)).main;
  try {
    const esbuild = await import('esbuild');
    // Built into a fresh folder, then moved in: a concurrent run sees the old bundle or the new one.
    const temp = `${outdir}.${process.pid}.tmp`;
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
      outdir: temp,
      // Native and optional database drivers are loaded from node_modules as usual.
      external: ['better-sqlite3', 'pg', 'pg-native'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'silent',
    });
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.renameSync(temp, outdir);
    return (await import(pathToFileURL(bundle).href)).main;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('../cli/main.ts')).main;
  }
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
