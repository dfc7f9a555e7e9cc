/**
 * The store's record of a claims folder as the last ingest left it: each file's name, size,
 * mtime and the claim it defined, in one value (ingest_folder, migration 0021). An incremental
 * check reads it in one row instead of one row per file: at 100,000 files the rows cost a
 * third of a second to read, the snapshot a few milliseconds. Content hashes stay in the file
 * index (ingest_file), read only for files whose size or mtime changed.
 *
 * Names are kept sorted as JavaScript sorts them, so a listing sorted the same way is compared
 * with it by one merge, without a map of either.
 */

export interface FolderSnapshot {
  /** Sorted (JavaScript's default order). */
  names: string[];
  sizes: Float64Array;
  mtimes: Float64Array;
  /** The claim each file defined; null when the file's name (without `.mdx`) is the id. */
  claimIds: (string | null)[];
}

export const EMPTY_FOLDER_SNAPSHOT: FolderSnapshot = { names: [], sizes: new Float64Array(0), mtimes: new Float64Array(0), claimIds: [] };

/** Format 1: magic, count, then sizes and mtimes as float64, then names and ids as UTF-8 joined by NUL. */
const MAGIC = 0x434c4631; // "CLF1"
const HEADER = 16;

const stemOf = (name: string) => (name.endsWith('.mdx') ? name.slice(0, -4) : name);

/** The claim id a snapshot entry names. */
export function claimIdAt(snapshot: FolderSnapshot, i: number): string {
  return snapshot.claimIds[i] ?? stemOf(snapshot.names[i]!);
}

export function encodeFolderSnapshot(snapshot: FolderSnapshot): Uint8Array {
  const count = snapshot.names.length;
  const encoder = new TextEncoder();
  const names = encoder.encode(snapshot.names.join('\0'));
  const ids = encoder.encode(snapshot.claimIds.map((id, i) => (id === null || id === stemOf(snapshot.names[i]!) ? '' : id)).join('\0'));
  const out = new Uint8Array(HEADER + count * 16 + names.length + ids.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, count, true);
  view.setUint32(8, names.length, true);
  view.setUint32(12, ids.length, true);
  out.set(new Uint8Array(snapshot.sizes.buffer, snapshot.sizes.byteOffset, count * 8), HEADER);
  out.set(new Uint8Array(snapshot.mtimes.buffer, snapshot.mtimes.byteOffset, count * 8), HEADER + count * 8);
  out.set(names, HEADER + count * 16);
  out.set(ids, HEADER + count * 16 + names.length);
  return out;
}

/** The snapshot, or null if the bytes are not one this code wrote (then the file index is read instead). */
export function decodeFolderSnapshot(bytes: Uint8Array): FolderSnapshot | null {
  if (bytes.length < HEADER) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const count = view.getUint32(4, true);
  const namesLength = view.getUint32(8, true);
  const idsLength = view.getUint32(12, true);
  if (bytes.length !== HEADER + count * 16 + namesLength + idsLength) return null;
  if (count === 0) return EMPTY_FOLDER_SNAPSHOT;
  // Copied out (a Buffer's slice would be a view): the bytes a driver hands back need not sit
  // on an 8-byte boundary.
  const numbers = new Float64Array(new Uint8Array(bytes.subarray(HEADER, HEADER + count * 16)).buffer);
  const decoder = new TextDecoder();
  const names = decoder.decode(bytes.subarray(HEADER + count * 16, HEADER + count * 16 + namesLength)).split('\0');
  const ids = decoder.decode(bytes.subarray(HEADER + count * 16 + namesLength)).split('\0');
  if (names.length !== count || ids.length !== count) return null;
  return { names, sizes: numbers.subarray(0, count), mtimes: numbers.subarray(count), claimIds: ids.map((id) => id || null) };
}
