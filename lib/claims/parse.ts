import jsyaml from 'js-yaml';
import { hashContent } from '../shared/hash';
import { PositionedDocument, type Problem } from '../shared/problems';
import { compileClaimBody, type BodyReference } from './mdx';
import { claimFrontmatterSchema, type ClaimFrontmatter } from './schema';

export interface ClaimFileInput {
  /** Path as it should appear in problem reports, e.g. "claims/x.mdx". */
  path: string;
  source: string;
}

/**
 * A parsed claim's long texts, as UTF-8 bytes: read with claimText(). An ingest holds every
 * changed claim until it writes them. As strings (two bytes a character once any Chinese is in
 * them) they were more than half of what the parsed claims kept on the heap (331 MB → 150 MB
 * at 10,000 claims); at 100,000 the heap neared its 4 GB limit and the collector spent more
 * time in full collections than the writes took. Bytes live outside the heap the collector
 * walks, and come back from a worker thread without a copy.
 */
export interface ClaimTexts {
  bodyMdx: Uint8Array;
  /** The hast tree, as the JSON it is stored as (lib/claims/mdx.ts). */
  bodyTree: Uint8Array;
  bodyText: Uint8Array;
  /**
   * The frontmatter's YAML, kept so that a cross-file problem (an unknown source id, a
   * duplicate id) can be placed at its line and column: positions are worked out only then.
   */
  frontmatterYaml: Uint8Array;
}

export interface ParsedClaim {
  path: string;
  /** File name without extension: must equal frontmatter.id. */
  fileId: string;
  frontmatter: ClaimFrontmatter;
  /** The claims and sources the body names (ClaimRef, SourceRef, Quote), with their positions. */
  references: BodyReference[];
  texts: ClaimTexts;
  contentHash: string;
  bodyFirstLine: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function claimText(claim: ParsedClaim, key: keyof ClaimTexts): string {
  return decoder.decode(claim.texts[key]);
}

/** The list of buffers to transfer with these results (a worker posting them keeps no copy). */
export function transferablesOf(results: ParseResult[]): ArrayBuffer[] {
  return results.flatMap((r) => (r.ok ? Object.values(r.claim.texts).map((bytes) => bytes.buffer as ArrayBuffer) : []));
}

const positioned = new WeakMap<ParsedClaim, PositionedDocument>();

/** Where a field of a parsed claim sits (parsed for positions on first use). */
export function positionIn(claim: ParsedClaim, path: PropertyKey[]): { line: number; column: number } {
  let doc = positioned.get(claim);
  if (!doc) positioned.set(claim, (doc = PositionedDocument.parse(claimText(claim, 'frontmatterYaml'), 2).doc));
  return doc.positionOf(path);
}

/**
 * The YAML 1.2 core schema, read by js-yaml: about eight times faster than the positioned
 * parser, and the same values (tests/claims/frontmatter-parsers.test.ts checks every claim
 * file both ways). Anything it refuses, and any file with a problem, is read again by the
 * positioned parser, so every problem still names its line and column.
 */
function readFrontmatterFast(yamlText: string): unknown {
  try {
    return jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
}

export type ParseResult = { ok: true; claim: ParsedClaim } | { ok: false; problems: Problem[] };

export function fileIdFromPath(p: string): string {
  return (p.split(/[\\/]/).pop() ?? p).replace(/\.mdx$/, '');
}

const FENCE = /^---[ \t]*$/;

/**
 * Parses one claim file from its text. Pure: no file system, no database.
 * The YAML parser keeps positions, so every problem names file:line:column.
 */
export async function parseClaimFile(input: ClaimFileInput): Promise<ParseResult> {
  const { path, source } = input;
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      problems: [{ file: path, line: 1, column: 1, field: '', message: 'a claim file must start with a "---" line opening the YAML frontmatter' }],
    };
  }
  const closing = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (closing === -1) {
    return {
      ok: false,
      problems: [{ file: path, line: 1, column: 1, field: '', message: 'the YAML frontmatter is never closed: add a "---" line after it' }],
    };
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const bodyFirstLine = closing + 2;
  const bodyMdx = lines.slice(closing + 1).join('\n');

  const fileId = fileIdFromPath(path);
  const compiled = await compileClaimBody(bodyMdx);
  const parsedClaim = (frontmatter: ClaimFrontmatter, body: { treeJson: string; text: string; references: BodyReference[] }): ParsedClaim => ({
    path,
    fileId,
    frontmatter,
    references: body.references,
    texts: { bodyMdx: encoder.encode(bodyMdx), bodyTree: encoder.encode(body.treeJson), bodyText: encoder.encode(body.text), frontmatterYaml: encoder.encode(yamlText) },
    contentHash: hashContent(text),
    bodyFirstLine,
  });
  const bodyProblems: Problem[] = compiled.ok
    ? []
    : compiled.problems.map((p) => ({ file: path, line: p.line + bodyFirstLine - 1, column: p.column, field: 'body', message: p.message }));

  // The fast path: a valid frontmatter needs no positions.
  const fast = claimFrontmatterSchema.safeParse(readFrontmatterFast(yamlText) ?? null);
  if (fast.success && fast.data.id === fileId && compiled.ok) {
    return {
      ok: true,
      claim: parsedClaim(fast.data, compiled.body),
    };
  }

  // Something is wrong: read it again with positions, to say where.
  const { doc, syntaxProblems } = PositionedDocument.parse(yamlText, 2);
  if (syntaxProblems.length > 0) {
    return { ok: false, problems: syntaxProblems.map((p) => ({ file: path, ...p })) };
  }
  const problems: Problem[] = [];
  const parsed = claimFrontmatterSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) problems.push(...doc.problemsFromZod(parsed.error, path));
  if (parsed.success && parsed.data.id !== fileId) {
    problems.push({
      file: path,
      ...doc.positionOf(['id']),
      field: 'id',
      message: `id "${parsed.data.id}" differs from the file name "${fileId}.mdx": rename the file or change the id`,
    });
  }
  problems.push(...bodyProblems);
  if (problems.length > 0 || !parsed.success || !compiled.ok) return { ok: false, problems };
  // The two parsers disagreed on a valid file; the positioned parser's reading is the reference.
  return {
    ok: true,
    claim: parsedClaim(parsed.data, compiled.body),
  };
}
