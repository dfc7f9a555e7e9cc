import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { runIngest } from '../../lib/claims/ingest';
import { copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';
import { snapshotDb } from '../helpers/snapshot';

type Dirs = ReturnType<typeof copyFixture>;

function edit(dirs: Dirs, file: string, change: (text: string) => string) {
  const p = path.join(dirs.root, file);
  const before = fs.readFileSync(p, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`fixture edit changed nothing in ${file}`);
  fs.writeFileSync(p, after);
}

/**
 * One broken fixture per failure kind, each made from the valid set by one edit,
 * with the exact place the check must report.
 */
const cases: Array<{ kind: string; mutate: (d: Dirs) => void; expected: { file: string; line: number; column?: number; field: string; message: RegExp } }> = [
  {
    kind: 'bad YAML',
    mutate: (d) => edit(d, 'claims/beta-figure.mdx', (t) => t.replace('topics: ["costs", "beta"]', 'topics: ["costs", "beta"')),
    expected: { file: 'claims/beta-figure.mdx', line: 11, field: '', message: /invalid YAML: Flow sequence/ },
  },
  {
    kind: 'a missing field',
    mutate: (d) => edit(d, 'claims/beta-figure.mdx', (t) => t.replace('claimant: "An analyst"\n', '')),
    expected: { file: 'claims/beta-figure.mdx', line: 2, column: 1, field: 'claimant', message: /required field is missing/ },
  },
  {
    kind: 'an unknown field',
    mutate: (d) => edit(d, 'claims/beta-figure.mdx', (t) => t.replace('claimant: "An analyst"', 'claimant: "An analyst"\nrating: "x"')),
    expected: { file: 'claims/beta-figure.mdx', line: 10, column: 1, field: 'rating', message: /unknown field/ },
  },
  {
    kind: 'a claim file without its summary',
    mutate: (d) => edit(d, 'claims/beta-figure.mdx', (t) => t.replace(/^summary: .*\n/m, '')),
    expected: { file: 'claims/beta-figure.mdx', line: 2, column: 1, field: 'summary', message: /required field is missing/ },
  },
  {
    kind: 'a summary written as markup',
    mutate: (d) => edit(d, 'claims/alpha-figure.mdx', (t) => t.replace('summary: "The $50M figure', 'summary: "<em>The</em> $50M figure')),
    expected: { file: 'claims/alpha-figure.mdx', line: 27, column: 10, field: 'summary', message: /must be plain text/ },
  },
  {
    kind: 'a wrong type',
    mutate: (d) => edit(d, 'claims/alpha-figure.mdx', (t) => t.replace('value: 50000000', 'value: "fifty million"')),
    expected: { file: 'claims/alpha-figure.mdx', line: 23, column: 10, field: 'quantity.value', message: /expected number/ },
  },
  {
    kind: 'a wrong enum value',
    mutate: (d) => edit(d, 'claims/alpha-figure.mdx', (t) => t.replace('verdict: "misleading"', 'verdict: "half-true"')),
    expected: { file: 'claims/alpha-figure.mdx', line: 17, column: 10, field: 'verdict', message: /expected one of "supported", "mostly-supported"/ },
  },
  {
    kind: 'an id that differs from the file name',
    mutate: (d) => edit(d, 'claims/beta-figure.mdx', (t) => t.replace('id: "beta-figure"', 'id: "beta-figures"')),
    expected: { file: 'claims/beta-figure.mdx', line: 2, column: 5, field: 'id', message: /differs from the file name "beta-figure.mdx"/ },
  },
  {
    kind: 'duplicate ids',
    mutate: (d) => {
      fs.copyFileSync(path.join(d.claimsDir, 'beta-figure.mdx'), path.join(d.claimsDir, 'beta-figure-copy.mdx'));
      edit(d, 'claims/beta-figure-copy.mdx', (t) => t.replace('id: "beta-figure"', 'id: "beta-figure" # copied'));
    },
    expected: { file: 'claims/beta-figure-copy.mdx', line: 2, column: 5, field: 'id', message: /differs from the file name/ },
  },
  {
    kind: 'an unknown source id in an appearance',
    mutate: (d) => edit(d, 'claims/alpha-figure.mdx', (t) => t.replace('cites: ["essay"]', 'cites: ["essay-typo"]')),
    expected: { file: 'claims/alpha-figure.mdx', line: 14, column: 13, field: 'appearances[0].cites[0]', message: /unknown source id "essay-typo"/ },
  },
  {
    kind: 'a related id that names no claim',
    mutate: (d) => edit(d, 'claims/alpha-figure.mdx', (t) => t.replace('- id: "beta-figure"', '- id: "gamma-figure"')),
    expected: { file: 'claims/alpha-figure.mdx', line: 20, column: 9, field: 'related[0].id', message: /no claim has id "gamma-figure"/ },
  },
  {
    kind: 'a ClaimRef that names no claim',
    mutate: (d) => edit(d, 'claims/alpha-figure.mdx', (t) => t.replace('<ClaimRef id="beta-figure" />', '<ClaimRef id="nowhere" />')),
    expected: { file: 'claims/alpha-figure.mdx', line: 30, column: 75, field: 'body', message: /<ClaimRef id="nowhere">: no claim has this id/ },
  },
  {
    kind: 'a SourceRef to an unknown source',
    mutate: (d) => edit(d, 'claims/alpha-figure.mdx', (t) => t.replace('<SourceRef id="essay"', '<SourceRef id="unknown-source"')),
    expected: { file: 'claims/alpha-figure.mdx', line: 30, column: 23, field: 'body', message: /unknown source id "unknown-source"/ },
  },
  {
    kind: 'an MDX syntax error',
    mutate: (d) => edit(d, 'claims/alpha-figure.mdx', (t) => t.replace('Alpha cost $4.3 million.</Quote>', 'Alpha cost $4.3 million.')),
    expected: { file: 'claims/alpha-figure.mdx', line: 32, column: 1, field: 'body', message: /MDX syntax error: Expected a closing tag for `<Quote>`/ },
  },
  {
    kind: 'a forbidden MDX construct',
    mutate: (d) => edit(d, 'claims/beta-figure.mdx', (t) => `${t}\nexport const meta = { evil: true }\n`),
    expected: { file: 'claims/beta-figure.mdx', line: 20, column: 1, field: 'body', message: /import\/export is not allowed/ },
  },
  {
    kind: 'seed evidence that references a missing claim',
    mutate: (d) => edit(d, 'seed/evidence.json', (t) => t.replace('"claim": "alpha-figure",\n    "source": "essay"', '"claim": "omega",\n    "source": "essay"')),
    expected: { file: 'seed/evidence.json', line: 22, column: 14, field: '[1].claim', message: /no claim has id "omega"/ },
  },
  {
    kind: 'seed evidence that references a missing source',
    mutate: (d) => edit(d, 'seed/evidence.json', (t) => t.replace('"source": "report"', '"source": "missing-report"')),
    expected: { file: 'seed/evidence.json', line: 5, column: 15, field: '[0].source', message: /unknown source id "missing-report"/ },
  },
  {
    kind: 'a confidence note resting on evidence of another claim',
    mutate: (d) => edit(d, 'seed/confidence-notes.json', (t) => t.replace('"claim": "alpha-figure"', '"claim": "beta-figure"').replace('"misleading"', '"unverifiable"')),
    expected: { file: 'seed/confidence-notes.json', line: 8, column: 18, field: '[0].evidence[0]', message: /belongs to claim "alpha-figure"/ },
  },
  {
    kind: 'a seed record with a bad stance',
    mutate: (d) => edit(d, 'seed/evidence.json', (t) => t.replace('"stance": "contradicts"', '"stance": "refutes"')),
    expected: { file: 'seed/evidence.json', line: 6, column: 15, field: '[0].stance', message: /expected one of "supports", "contradicts", "qualifies", "context"/ },
  },
];

describe('claims check and ingest refuse broken input', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let dirs: Dirs;
  let before: Awaited<ReturnType<typeof snapshotDb>>;

  beforeEach(async () => {
    ({ db, cleanup } = await createTestDb());
    dirs = copyFixture('valid');
    const first = await runIngest(db, { ...dirs, displayRoot: dirs.root });
    expect(first.ok).toBe(true);
    before = await snapshotDb(db);
  });
  afterEach(async () => {
    await cleanup();
    fs.rmSync(dirs.root, { recursive: true, force: true });
  });

  it.each(cases)('reports $kind at its file, line and field, and writes nothing', async ({ mutate, expected }) => {
    // A change that would be written if the check passed, to prove nothing partial lands.
    edit(dirs, 'claims/beta-figure.mdx', (t) => t.replace('title: "Beta costs ten times alpha"', 'title: "Beta, retitled"'));
    mutate(dirs);
    const result = await runIngest(db, { ...dirs, displayRoot: dirs.root });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(
      expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message), ...(expected.column ? { column: expected.column } : {}) }),
    );
    expect(await snapshotDb(db)).toEqual(before);
  });

  it('reports a duplicate id used by two files', async () => {
    fs.writeFileSync(
      path.join(dirs.claimsDir, 'zeta-figure.mdx'),
      fs.readFileSync(path.join(dirs.claimsDir, 'beta-figure.mdx'), 'utf8').replace('id: "beta-figure"', 'id: "zeta-figure"'),
    );
    // Same id in two files can only happen when one file name differs from its id…
    edit(dirs, 'claims/zeta-figure.mdx', (t) => t.replace('id: "zeta-figure"', 'id: "beta-figure"'));
    const result = await runIngest(db, { ...dirs, displayRoot: dirs.root });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual(expect.objectContaining({ file: 'claims/zeta-figure.mdx', field: 'id' }));
    }
  });
});
