import { hashContent } from '../shared/hash';
import { formatPath, PositionedDocument, type Problem } from '../shared/problems';
import { compileClaimBody, type CompiledBody } from './mdx';
import { claimFrontmatterSchema, type ClaimFrontmatter } from './schema';

export interface ClaimFileInput {
  /** Path as it should appear in problem reports, e.g. "claims/x.mdx". */
  path: string;
  source: string;
}

export interface ParsedClaim {
  path: string;
  /** File name without extension: must equal frontmatter.id. */
  fileId: string;
  frontmatter: ClaimFrontmatter;
  bodyMdx: string;
  body: CompiledBody;
  contentHash: string;
  /**
   * Where the fields that name other records sit (id, appearances[i].source and .cites[j],
   * related[i].id), keyed by field path: cross-file problems point there. Plain data, so a
   * parsed claim can come back from a worker thread.
   */
  positions: Record<string, { line: number; column: number }>;
  bodyFirstLine: number;
}

/** Where a field of a parsed claim sits (the frontmatter's start when it was not recorded). */
export function positionIn(claim: ParsedClaim, path: PropertyKey[]): { line: number; column: number } {
  return claim.positions[formatPath(path)] ?? { line: 2, column: 1 };
}

function referencePositions(doc: PositionedDocument, fm: ClaimFrontmatter): ParsedClaim['positions'] {
  const paths: PropertyKey[][] = [['id']];
  fm.appearances.forEach((a, i) => {
    paths.push(['appearances', i, 'source']);
    a.cites.forEach((_, j) => paths.push(['appearances', i, 'cites', j]));
  });
  fm.related.forEach((_, i) => paths.push(['related', i, 'id']));
  return Object.fromEntries(paths.map((p) => [formatPath(p), doc.positionOf(p)]));
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

  const { doc, syntaxProblems } = PositionedDocument.parse(yamlText, 2);
  if (syntaxProblems.length > 0) {
    return { ok: false, problems: syntaxProblems.map((p) => ({ file: path, ...p })) };
  }

  const problems: Problem[] = [];
  const parsed = claimFrontmatterSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) problems.push(...doc.problemsFromZod(parsed.error, path));

  const fileId = fileIdFromPath(path);
  if (parsed.success && parsed.data.id !== fileId) {
    problems.push({
      file: path,
      ...doc.positionOf(['id']),
      field: 'id',
      message: `id "${parsed.data.id}" differs from the file name "${fileId}.mdx": rename the file or change the id`,
    });
  }

  const compiled = await compileClaimBody(bodyMdx);
  if (!compiled.ok) {
    for (const p of compiled.problems) {
      problems.push({ file: path, line: p.line + bodyFirstLine - 1, column: p.column, field: 'body', message: p.message });
    }
  }

  if (problems.length > 0 || !parsed.success || !compiled.ok) return { ok: false, problems };
  return {
    ok: true,
    claim: {
      path,
      fileId,
      frontmatter: parsed.data,
      bodyMdx,
      body: compiled.body,
      contentHash: hashContent(text),
      positions: referencePositions(doc, parsed.data),
      bodyFirstLine,
    },
  };
}
