// Next.js incremental cache handler (next.config.mjs `cacheHandler`) that keys freshness
// on the store's data version instead of time.
//
// Why: pages are rendered once and then served like static files, but the data can change
// from any process (CLI ingest, another server, the API). Every write bumps
// data_version.version in the same transaction, so comparing the version an entry was
// rendered at with the current one (one primary-key read per request) tells whether the
// entry is still good. A stale entry is dropped, and Next renders the page afresh for that
// very request: a change shows at the next request, whoever made it.
//
// Plain JavaScript because Next loads this file itself, outside its bundler. The database
// location comes from lib/env.ts (the one place that reads the environment) through tsx.

import { tsImport } from 'tsx/esm/api';

const MAX_BYTES = 256 * 1024 * 1024;

/** @type {Map<string, { value: any, version: number, lastModified: number, cacheControl: any, bytes: number }>} */
const entries = new Map();
/** The version read just before a miss was rendered, so `set` stores the version the render can have seen (or an older one). */
const versionAtMiss = new Map();
let totalBytes = 0;

/** @type {Promise<null | (() => Promise<number>)> | undefined} */
let versionReader;

function openVersionReader() {
  versionReader ??= (async () => {
    try {
      const { getDatabaseTarget } = await tsImport('../env.ts', import.meta.url);
      const { createSqliteDb, createPostgresDb } = await tsImport('../../db/client.ts', import.meta.url);
      const { getDataVersion } = await tsImport('../history/revisions.ts', import.meta.url);
      const target = getDatabaseTarget();
      // Read-only on SQLite: this connection must never write, and it must not create the file.
      const db = target.kind === 'sqlite' ? createSqliteDb(target.filename, { readonly: true }) : createPostgresDb(target.url, { max: 2 });
      return () => getDataVersion(db);
    } catch {
      versionReader = undefined; // the database may not exist yet: try again on the next request
      return null;
    }
  })();
  return versionReader;
}

/** The current data version, or null when it cannot be read (then nothing is served from or put in the cache). */
export async function readDataVersion() {
  const read = await openVersionReader();
  if (!read) return null;
  try {
    return await read();
  } catch {
    return null;
  }
}

function sizeOf(value) {
  if (!value) return 64;
  let n = 256;
  if (typeof value.html === 'string') n += value.html.length * 2;
  if (value.rscData?.byteLength) n += value.rscData.byteLength;
  if (value.body?.byteLength) n += value.body.byteLength;
  if (value.segmentData instanceof Map) for (const b of value.segmentData.values()) n += b?.byteLength ?? 0;
  if (value.data) n += JSON.stringify(value.data).length;
  return n;
}

function remove(key) {
  const e = entries.get(key);
  if (e) {
    totalBytes -= e.bytes;
    entries.delete(key);
  }
}

export default class DataVersionCacheHandler {
  constructor(_ctx) {}

  async get(key) {
    const version = await readDataVersion();
    const entry = entries.get(key);
    if (entry && version !== null && entry.version === version) {
      // Map order doubles as LRU order.
      entries.delete(key);
      entries.set(key, entry);
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    }
    if (entry) remove(key);
    if (version !== null) versionAtMiss.set(key, version);
    return null;
  }

  async set(key, value, ctx) {
    const version = versionAtMiss.get(key);
    versionAtMiss.delete(key);
    remove(key);
    // Without a version read before the render, the entry could hold data older than any
    // version read now: don't cache it.
    if (version === undefined || value === null) return;
    const bytes = sizeOf(value);
    if (bytes > MAX_BYTES / 4) return;
    entries.set(key, { value, version, lastModified: Date.now(), cacheControl: ctx?.cacheControl, bytes });
    totalBytes += bytes;
    for (const oldest of entries.keys()) {
      if (totalBytes <= MAX_BYTES) break;
      remove(oldest);
    }
  }

  async revalidateTag() {
    // Freshness follows the data version; tags are not used.
  }

  resetRequestCache() {}
}
