import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A folder's files of one kind, with each one's size and mtime: what an incremental check
 * compares with the store's snapshot of the folder. Names are sorted; `sizes[i]` and `mtimes[i]` belong
 * to `names[i]`, and a file that went away between the listing and its stat is left out.
 */
export interface FolderListing {
  names: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
}

/**
 * From this many files the stats are shared with a worker thread, which starts on them while the
 * caller reads the store's record of the folder: at 100,000 files the stats take about a third
 * of a second on one core.
 */
const WORKER_THRESHOLD = 2_000;
/** Files claimed at a time by either thread. */
const CHUNK = 256;

/**
 * The worker's whole program. It is plain JavaScript with only `node:` requires, so it runs the
 * same from source, under the tests and from the CLI's bundle, without a file of its own (its
 * loop is `statChunks` below, which a bundler may rename inside, so it is written out). Both
 * threads take the next chunk of files from one shared counter and write each file's size and
 * mtime (size -1: gone) into one shared array.
 */
const STAT_PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const { prefix, chunk, counter, stats } = workerData;
const names = workerData.names.split('\\0');
const next = new Int32Array(counter);
const out = new Float64Array(stats);
for (let start = Atomics.add(next, 0, chunk); start < names.length; start = Atomics.add(next, 0, chunk)) {
  for (let i = start; i < Math.min(start + chunk, names.length); i++) {
    const s = statSync(prefix + names[i], { throwIfNoEntry: false });
    out[2 * i] = s ? s.size : -1;
    out[2 * i + 1] = s ? s.mtimeMs : 0;
  }
}
parentPort.postMessage('done');
`;

export interface FolderScan {
  /** Stats the files no thread has reached yet, here, then waits for the worker's last ones. */
  finish(): Promise<FolderListing>;
}

function statChunks(prefix: string, names: string[], next: Int32Array, out: Float64Array): void {
  for (let start = Atomics.add(next, 0, CHUNK); start < names.length; start = Atomics.add(next, 0, CHUNK)) {
    for (let i = start; i < Math.min(start + CHUNK, names.length); i++) {
      const s = statSync(prefix + names[i]!, { throwIfNoEntry: false });
      out[2 * i] = s ? s.size : -1;
      out[2 * i + 1] = s ? s.mtimeMs : 0;
    }
  }
}

function listingOf(names: string[], stats: Float64Array): FolderListing {
  const kept = names.filter((_, i) => stats[2 * i]! >= 0);
  const sizes = new Float64Array(kept.length);
  const mtimes = new Float64Array(kept.length);
  let k = 0;
  names.forEach((_, i) => {
    if (stats[2 * i]! < 0) return;
    sizes[k] = stats[2 * i]!;
    mtimes[k++] = stats[2 * i + 1]!;
  });
  return { names: kept, sizes, mtimes };
}

/**
 * Lists the folder now (throws its error code if it cannot be read) and, for a large folder,
 * starts a worker on the stats, so the caller can read the store meanwhile; `finish()` when the
 * listing is needed.
 */
export function startFolderScanOrThrow(dir: string, extension: string): FolderScan {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(extension))
    .sort();
  const prefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
  const counter = new SharedArrayBuffer(4);
  const stats = new SharedArrayBuffer(names.length * 2 * 8);
  const next = new Int32Array(counter);
  const out = new Float64Array(stats);
  // Resolves true when the worker stated every chunk it took.
  let worker: Promise<boolean> = Promise.resolve(true);
  if (names.length >= WORKER_THRESHOLD) {
    worker = new Promise<boolean>((resolve) => {
      try {
        const thread = new Worker(STAT_PROGRAM, { eval: true, workerData: { prefix, chunk: CHUNK, counter, stats, names: names.join('\0') } });
        thread.once('message', () => {
          resolve(true);
          void thread.terminate();
        });
        thread.once('error', () => resolve(false));
        thread.once('exit', () => resolve(false));
      } catch {
        resolve(true); // never started, so it took no chunk
      }
    });
  }
  return {
    async finish() {
      statChunks(prefix, names, next, out);
      if (!(await worker)) {
        // A worker that stopped part-way leaves chunks it took unfinished: all are stated again
        // here (it costs the overlap only).
        Atomics.store(next, 0, 0);
        statChunks(prefix, names, next, out);
      }
      return listingOf(names, out);
    },
  };
}
