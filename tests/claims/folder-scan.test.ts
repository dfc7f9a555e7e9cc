import fs from 'node:fs';
import path from 'node:path';
import { test as base, describe, expect } from 'vitest';
import { startFolderScanOrThrow } from '../../lib/claims/folder-scan';
import { makeTempDir } from '../helpers/test-db';

const test = base.extend<{ dir: string }>({
  dir: async ({}, provide) => {
    const dir = makeTempDir('claim-ledger-scan-');
    await provide(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

describe('the folder scan', () => {
  // 3,000 files: past the point where a worker thread shares the stats with this one.
  test.for([12, 3_000])('lists %i files sorted, with the size and mtime a stat gives, and only those of the kind asked for', async (count, { dir }) => {
    for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `claim-${i}.mdx`), 'x'.repeat(i % 97));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a claim');
    fs.mkdirSync(path.join(dir, 'drafts'));
    const listing = await startFolderScanOrThrow(dir, '.mdx').finish();
    const expected = fs.readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort();
    expect(listing.names).toEqual(expected);
    listing.names.forEach((name, i) => {
      const s = fs.statSync(path.join(dir, name));
      expect([listing.sizes[i], listing.mtimes[i]]).toEqual([s.size, s.mtimeMs]);
    });
  });

  test('leaves out a file that goes away between the listing and its stat', async ({ dir }) => {
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(dir, `claim-${i}.mdx`), 'x');
    const scan = startFolderScanOrThrow(dir, '.mdx');
    fs.rmSync(path.join(dir, 'claim-1.mdx'));
    expect((await scan.finish()).names).toEqual(['claim-0.mdx', 'claim-2.mdx']);
  });

  test('throws the error of a folder it cannot read', ({ dir }) => {
    expect(() => startFolderScanOrThrow(path.join(dir, 'missing'), '.mdx')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
