import { isMap, isNode, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';

/** One problem found in a file, with the place to fix it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Property path such as "original.lang" or "evidence[3].stance"; "" for the file as a whole. */
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

export class ProblemsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * A YAML (or JSON: a subset of YAML 1.2) document that remembers where every
 * node came from, so problems point at the exact line and column.
 */
export class PositionedDocument {
  private constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    /** Line of the host file on which this document's first line sits (1-based). */
    private readonly firstLine: number,
  ) {}

  static parse(text: string, firstLine = 1): { doc: PositionedDocument; syntaxProblems: Omit<Problem, 'file'>[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const positioned = new PositionedDocument(doc, lines, firstLine);
    const syntaxProblems = doc.errors.map((e) => {
      const at = positioned.positionOfOffset(e.pos[0]);
      return { ...at, field: '', message: `invalid YAML: ${e.message.split('\n')[0]}` };
    });
    return { doc: positioned, syntaxProblems };
  }

  toJS(): unknown {
    return this.doc.toJS();
  }

  positionOfOffset(offset: number): { line: number; column: number } {
    const p = this.lines.linePos(offset);
    return { line: p.line + this.firstLine - 1, column: p.col };
  }

  /** The position of the deepest node that exists along `path` (a missing key points at its parent). */
  positionOf(path: readonly PropertyKey[], preferKey = false): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let at: number = (isNode(node) && node.range?.[0]) || 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isNode(it.key) && (it.key as { value?: unknown }).value === key);
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (preferKey && key === path[path.length - 1]) {
          at = keyNode.range?.[0] ?? at;
          node = undefined;
          break;
        }
        node = pair.value;
        at = (isNode(node) && node.range?.[0]) || keyNode.range?.[0] || at;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (!isNode(item)) break;
        node = item;
        at = item.range?.[0] ?? at;
      } else break;
    }
    return this.positionOfOffset(at);
  }

  has(path: readonly PropertyKey[]): boolean {
    return this.doc.hasIn(path as unknown[]);
  }

  /** Maps zod issues to positioned problems (unknown keys each get their own line). */
  problemsFromZod(error: z.ZodError, file: string, basePath: readonly PropertyKey[] = []): Problem[] {
    const out: Problem[] = [];
    for (const issue of error.issues) {
      const path = [...basePath, ...issue.path];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          out.push({
            file,
            ...this.positionOf([...path, key], true),
            field: formatPath([...path, key]),
            message: 'unknown field: remove it or check its spelling',
          });
        }
        continue;
      }
      let message = issue.message;
      if (!this.has(path) && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
        message = 'required field is missing';
      } else if (issue.code === 'invalid_value' && 'values' in issue) {
        message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      }
      out.push({ file, ...this.positionOf(path), field: formatPath(path), message });
    }
    return out;
  }
}
