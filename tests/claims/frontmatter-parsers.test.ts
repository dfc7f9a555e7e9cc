import fs from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PositionedDocument } from '../../lib/shared/problems';

// Claim files are read by js-yaml (fast) and, when anything is wrong, by the positioned
// parser (to say where). Both must read every claim file to the same values, or a file could
// pass one and fail the other.
const repo = path.resolve(import.meta.dirname, '..', '..');
const dirs = [path.join(repo, 'claims'), path.join(repo, 'tests', 'fixtures', 'valid', 'claims')];

function frontmatterOf(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const closing = lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
  return lines.slice(1, closing).join('\n');
}

describe('the two frontmatter parsers', () => {
  const files = dirs.flatMap((d) => fs.readdirSync(d).filter((n) => n.endsWith('.mdx')).map((n) => path.join(d, n)));

  it.each(files.map((f) => [path.relative(repo, f)]))('read %s to the same values', (file) => {
    const yamlText = frontmatterOf(fs.readFileSync(path.join(repo, file), 'utf8'));
    const positioned = PositionedDocument.parse(yamlText, 2);
    expect(positioned.syntaxProblems).toEqual([]);
    expect(jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA })).toEqual(positioned.doc.toJS());
  });

  it('agree on the YAML 1.2 core values a claim file may hold: quoted and plain scalars, numbers, flow lists, nulls', () => {
    const yamlText = [
      'a: "2025-10-17"', 'b: 2025-10-17', 'c: no', 'd: 17', 'e: 1.5e3', 'f: 0x1F', 'g: ~', 'h: ["x", y, 3]', 'i: |-', '  two', '  lines',
      'j: "tab\\tand \\u00e9"', 'k: .inf', 'l: true',
    ].join('\n');
    expect(jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA })).toEqual(PositionedDocument.parse(yamlText).doc.toJS());
  });

  it('both refuse a key given twice', () => {
    expect(() => jsyaml.load('a: 1\na: 2', { schema: jsyaml.CORE_SCHEMA })).toThrow();
    expect(PositionedDocument.parse('a: 1\na: 2').syntaxProblems).not.toEqual([]);
  });
});
