import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { getOpenDataDir } from '../env';
import { MANIFEST_FILE, type OpenDataManifest } from './export';

/** The published dataset's manifest (what `claims export --open` last wrote), or null when there is none. */
export function readOpenDataManifest(): OpenDataManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(/*turbopackIgnore: true*/ getOpenDataDir(), MANIFEST_FILE), 'utf8')) as OpenDataManifest;
  } catch {
    return null;
  }
}

const MEDIA: Record<string, string> = { jsonl: 'application/jsonl; charset=utf-8', csv: 'text/csv; charset=utf-8', md: 'text/markdown; charset=utf-8', txt: 'text/plain; charset=utf-8', json: 'application/json; charset=utf-8' };

/**
 * A file of the published dataset, streamed; only names the manifest lists (so no path outside
 * the folder can be asked for). Null when there is no such file.
 */
export function openDataFile(name: string): { stream: ReadableStream<Uint8Array>; bytes: number; type: string; etag: string } | null {
  const manifest = readOpenDataManifest();
  const entry = name === MANIFEST_FILE ? { name, bytes: -1, sha256: manifest?.generatedAt ?? '' } : manifest?.files.find((f) => f.name === name);
  if (!manifest || !entry) return null;
  const file = path.join(/*turbopackIgnore: true*/ getOpenDataDir(), entry.name);
  let bytes: number;
  try {
    bytes = fs.statSync(file).size;
  } catch {
    return null;
  }
  const node = fs.createReadStream(file);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      node.on('data', (chunk) => controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)));
      node.on('end', () => controller.close());
      node.on('error', (e) => controller.error(e));
    },
    cancel() {
      node.destroy();
    },
  });
  return { stream, bytes, type: MEDIA[name.split('.').at(-1)!] ?? 'application/octet-stream', etag: `"${entry.sha256.slice(0, 32)}"` };
}
