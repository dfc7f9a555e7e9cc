import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseClaimFile, type ClaimFileInput, type ParseResult } from './parse';

/**
 * Parses claim files (YAML frontmatter, schema, MDX body to a checked tree): in this thread
 * for a few, in worker threads for many, since parsing is most of a full ingest and is CPU
 * work that spreads over the cores. Results come back in input order either way.
 */

/** Below this many files the workers' start-up (about 0.3 s each) costs more than it saves. */
const WORKER_THRESHOLD = 300;
const BATCH = 100;

async function parseHere(inputs: ClaimFileInput[], onProgress?: (done: number, total: number) => void): Promise<ParseResult[]> {
  const results: ParseResult[] = [];
  for (const [i, input] of inputs.entries()) {
    results.push(await parseClaimFile(input));
    onProgress?.(i + 1, inputs.length);
  }
  return results;
}

/**
 * The worker's entry next to this module: from source (tests, tsx) a small loader that
 * registers tsx in the worker thread first; from the CLI's bundle, the worker bundle built
 * beside it (bin/claims.mjs builds both).
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Worker(new URL(fromSource ? './parse-worker-from-source.mjs' : './parse-worker.mjs', import.meta.url));
}

export async function parseClaimFiles(inputs: ClaimFileInput[], onProgress?: (done: number, total: number) => void): Promise<ParseResult[]> {
  const count = Math.min(os.availableParallelism(), 4, Math.floor(inputs.length / WORKER_THRESHOLD) + 1);
  if (count < 2) return parseHere(inputs, onProgress);
  let workers: Worker[];
  try {
    workers = Array.from({ length: count }, startWorker);
  } catch {
    return parseHere(inputs, onProgress);
  }
  const results: ParseResult[] = new Array(inputs.length);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= inputs.length) return resolve();
              const start = next;
              next += BATCH;
              worker.postMessage({ id: start, inputs: inputs.slice(start, start + BATCH) });
            };
            worker.on('message', (message: { id: number; results: ParseResult[] }) => {
              message.results.forEach((r, k) => (results[message.id + k] = r));
              done += message.results.length;
              onProgress?.(done, inputs.length);
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`a parse worker stopped (exit code ${code})`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
