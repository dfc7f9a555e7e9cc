import { describe, expect, it } from 'vitest';
import { claimIdAt, decodeFolderSnapshot, encodeFolderSnapshot, type FolderSnapshot } from '../../lib/claims/folder-snapshot';

const snapshot: FolderSnapshot = {
  names: ['alpha.mdx', 'beta.mdx', '泡沫-17x.mdx'],
  sizes: Float64Array.from([120, 4_294_967_296 * 3, 0]),
  mtimes: Float64Array.from([1_700_000_000_123.456, 1_700_000_001_000, 1]),
  claimIds: [null, 'beta-renamed', '泡沫-17x'],
};

describe('the folder snapshot', () => {
  it('gives back every name, size, mtime and claim id it was made from', () => {
    const decoded = decodeFolderSnapshot(encodeFolderSnapshot(snapshot))!;
    expect(decoded.names).toEqual(snapshot.names);
    expect([...decoded.sizes]).toEqual([...snapshot.sizes]);
    expect([...decoded.mtimes]).toEqual([...snapshot.mtimes]);
    expect(decoded.names.map((_, i) => claimIdAt(decoded, i))).toEqual(['alpha', 'beta-renamed', '泡沫-17x']);
  });

  it('reads bytes that do not start on an 8-byte boundary, as a driver may hand them back', () => {
    const bytes = encodeFolderSnapshot(snapshot);
    const offset = new Uint8Array(bytes.length + 3);
    offset.set(bytes, 3);
    expect(decodeFolderSnapshot(offset.subarray(3))?.mtimes[0]).toBe(1_700_000_000_123.456);
  });

  it('refuses bytes it did not write, or cut short, so that the file index is read instead', () => {
    const bytes = encodeFolderSnapshot(snapshot);
    expect(decodeFolderSnapshot(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(decodeFolderSnapshot(new TextEncoder().encode('{"names":[]}'))).toBeNull();
    expect(decodeFolderSnapshot(new Uint8Array(0))).toBeNull();
  });

  it('keeps an empty folder empty', () => {
    const empty = decodeFolderSnapshot(encodeFolderSnapshot({ names: [], sizes: new Float64Array(0), mtimes: new Float64Array(0), claimIds: [] }));
    expect(empty?.names).toEqual([]);
  });
});
