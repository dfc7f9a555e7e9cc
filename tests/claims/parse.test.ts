import { describe, expect, it } from 'vitest';
import { claimText, parseClaimFile } from '../../lib/claims/parse';

const frontmatter = (overrides: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    id: 'id: "sample-claim"',
    title: 'title: "A sample"',
    statement: 'statement: "Something measurable happened."',
    original: 'original:\n  lang: "zh-Hant"\n  text: "某事發生了。"\n  translation: "Something happened."',
    claimant: 'claimant: "Someone"',
    topics: 'topics: ["testing"]',
    appearances: 'appearances:\n  - source: "blog-post"',
    verdict: 'verdict: "mixed"',
    verdict_date: 'verdict_date: "2026-11-01"',
    summary: 'summary: "Part of it happened as stated; the rest has no source we could read."',
    ...overrides,
  };
  return `---\n${Object.values(fields).filter(Boolean).join('\n')}\n---\n`;
};

async function problemsOf(source: string, path = 'claims/sample-claim.mdx') {
  const result = await parseClaimFile({ path, source });
  return result.ok ? [] : result.problems;
}

describe('parseClaimFile', () => {
  it('parses a valid claim and keeps the body as a tree of registered components', async () => {
    const result = await parseClaimFile({
      path: 'claims/sample-claim.mdx',
      source: `${frontmatter()}\nSee <ClaimRef id="other" /> and <SourceRef id="blog-post" locator="p. 2" />.\n\n<Quote lang="en" source="blog-post">Exact words.</Quote>\n`,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.claim.frontmatter.verdict).toBe('mixed');
    expect(result.claim.references.map((r) => `${r.kind}:${r.id}`)).toEqual(['claim:other', 'source:blog-post', 'source:blog-post']);
    expect(claimText(result.claim, 'bodyText')).toContain('Exact words.');
    expect(claimText(result.claim, 'bodyTree')).toContain('"name":"Quote"');
    expect(result.claim.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports an enum value that is not on the verdict scale at its line and column', async () => {
    const problems = await problemsOf(frontmatter({ verdict: 'verdict: "probably"' }));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'claims/sample-claim.mdx', line: 13, column: 10, field: 'verdict', message: expect.stringContaining('expected one of "supported"') }),
    ]);
  });

  it('reports a missing required field and an unknown one', async () => {
    const problems = await problemsOf(frontmatter({ claimant: '', topics: 'topics: ["t"]\nrating: "extra"' }));
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'claimant', 'required field is missing'],
      [10, 'rating', 'unknown field: remove it or check its spelling'],
    ]);
  });

  it('requires a summary and refuses one that is markup, several paragraphs or a few words', async () => {
    expect((await problemsOf(frontmatter({ summary: '' }))).map((p) => [p.line, p.field, p.message])).toEqual([[2, 'summary', 'required field is missing']]);
    const markup = await problemsOf(frontmatter({ summary: 'summary: "Mostly true: see <SourceRef id=\\"blog-post\\" /> for the rest of it."' }));
    expect(markup).toEqual([expect.objectContaining({ line: 15, column: 10, field: 'summary', message: expect.stringContaining('must be plain text') })]);
    const paragraphs = await problemsOf(frontmatter({ summary: 'summary: |\n  The figure is right.\n  The attribution is not, and nobody can say where it came from.' }));
    expect(paragraphs).toEqual([expect.objectContaining({ field: 'summary', message: 'must be one paragraph: no line breaks' })]);
    const terse = await problemsOf(frontmatter({ summary: 'summary: "Partly true."' }));
    expect(terse).toEqual([expect.objectContaining({ field: 'summary', message: expect.stringContaining('too short') })]);
  });

  it('reports a wrong type with the nested property path', async () => {
    const problems = await problemsOf(frontmatter({ original: 'original:\n  lang: "zh-Hant"\n  text: 42\n  translation: "x"' }));
    expect(problems).toEqual([expect.objectContaining({ line: 7, column: 9, field: 'original.text' })]);
  });

  it('rejects an id that differs from the file name', async () => {
    const problems = await problemsOf(frontmatter(), 'claims/another-name.mdx');
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, field: 'id', message: expect.stringContaining('differs from the file name "another-name.mdx"') }),
    ]);
  });

  it('rejects an original text with an ellipsis, which would not be verbatim', async () => {
    const problems = await problemsOf(frontmatter({ original: 'original:\n  lang: "zh-Hant"\n  text: "某事……發生了"\n  translation: "x"' }));
    expect(problems[0]).toMatchObject({ field: 'original.text', message: expect.stringContaining('ellipsis') });
  });

  it('rejects a language tag that is not BCP-47', async () => {
    const problems = await problemsOf(frontmatter({ original: 'original:\n  lang: "chinese traditional"\n  text: "某事"\n  translation: "x"' }));
    expect(problems[0]).toMatchObject({ field: 'original.lang', line: 6 });
  });

  it('reports invalid YAML with the position the YAML parser gives', async () => {
    const problems = await problemsOf('---\nid: "x"\ntitle: [unclosed\n---\nbody\n');
    expect(problems[0]).toMatchObject({ file: 'claims/sample-claim.mdx', line: 3, field: '', message: expect.stringContaining('invalid YAML') });
  });

  it('requires a quantity to have either a value or a low–high range', async () => {
    const problems = await problemsOf(frontmatter({ verdict_date: 'verdict_date: "2026-11-01"\nquantity:\n  unit: "USD"\n  measure: "training-cost.gpt-4"' }));
    expect(problems[0]).toMatchObject({ field: 'quantity.value', message: 'give a value, or low and/or high (a range; either end may be open)' });
  });
});

describe('MDX rules for claim bodies', () => {
  const head = frontmatter(); // 14 field lines between the fences: the body starts on line 17
  const bodyProblem = async (body: string) => (await problemsOf(head + body)).map((p) => `${p.line}:${p.column}: ${p.field}: ${p.message}`);

  it('rejects import and export statements', async () => {
    expect(await bodyProblem('import Evil from "evil"\n\nText.\n')).toEqual([
      expect.stringMatching(/^17:1: body: import\/export is not allowed/),
    ]);
    expect(await bodyProblem('\nexport const x = 1\n')).toEqual([expect.stringMatching(/^18:1: body: import\/export is not allowed/)]);
  });

  it('rejects JavaScript expressions in text and in props', async () => {
    expect(await bodyProblem('Two is {1 + 1}.\n')).toEqual([expect.stringMatching(/^17:8: body: JavaScript expressions/)]);
    expect(await bodyProblem('<ClaimRef id={"x"} />\n')).toEqual([expect.stringMatching(/^17:1: body: <ClaimRef> prop "id" must be a plain string literal/)]);
    expect(await bodyProblem('<ClaimRef {...props} />\n')).toEqual([
      expect.stringMatching(/spread attributes/),
      expect.stringMatching(/needs a non-empty "id" prop/),
    ]);
  });

  it('rejects unknown components, raw HTML tags and unknown props', async () => {
    expect(await bodyProblem('<Widget />\n')).toEqual([expect.stringMatching(/^17:1: body: unknown component <Widget>/)]);
    expect(await bodyProblem('\n\n<script>alert(1)</script>\n')).toEqual([expect.stringMatching(/^19:1: body: unknown component <script>/)]);
    expect(await bodyProblem('<SourceRef id="s" onClick="x" />\n')).toEqual([expect.stringMatching(/unknown prop "onClick"/)]);
  });

  it('allows http(s), site and anchor links but refuses other schemes and images', async () => {
    expect(await bodyProblem('[ok](https://example.org) [site](/claims/x) [here](#evidence)\n')).toEqual([]);
    expect(await bodyProblem('[x](javascript:alert(1))\n')).toEqual([expect.stringMatching(/^17:1: body: link to "javascript:alert\(1\)": only http\(s\) URLs/)]);
    expect(await bodyProblem('[x](data:text/html,hi)\n')).toEqual([expect.stringMatching(/only http\(s\) URLs/)]);
    expect(await bodyProblem('[x](//evil.example/a)\n')).toEqual([expect.stringMatching(/only http\(s\) URLs/)]);
    expect(await bodyProblem('[x]: vbscript:msgbox\n\nSee [x].\n')).toEqual([expect.stringMatching(/only http\(s\) URLs/)]);
    expect(await bodyProblem('![tracker](https://tracker.example/p.gif)\n')).toEqual([expect.stringMatching(/^17:1: body: images are not allowed/)]);
  });

  it('reports an MDX syntax error at its line in the file', async () => {
    expect(await bodyProblem('Fine.\n\n<Quote lang="en" source="s">unclosed\n')).toEqual([
      expect.stringMatching(/^19:1: body: MDX syntax error: Expected a closing tag for `<Quote>`/),
    ]);
  });
});
