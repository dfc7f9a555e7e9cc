import type { z } from 'zod';
import { PositionedDocument, type Problem } from '../shared/problems';

export interface SeedFile<T> {
  path: string;
  items: T[];
  /** Where a record's field is in the file ([index, ...path]); positions are worked out on first use. */
  positionOf: (path: PropertyKey[]) => { line: number; column: number };
  /** Array index of each item, to point problems at it. */
  indexOf: Map<string, number>;
}

/** Seed files smaller than this (in characters) are also checked by the positioned parser. */
const POSITIONED_CHECK_LIMIT = 2_000_000;

/**
 * Parses one seed file (a JSON array) from its text, validating each record with `schema`.
 * JSON.parse reads it; only when something is wrong (or a later check asks where a record
 * is) is it read again by the YAML parser, which keeps positions for problems: a valid
 * 20,000-source file costs a JSON.parse, not a positioned parse.
 */
export function parseSeedFile<S extends z.ZodType<{ id: string }>>(
  path: string,
  source: string,
  schema: S,
): { file: SeedFile<z.infer<S>>; problems: Problem[] } {
  let positioned: PositionedDocument | undefined;
  const doc = () => (positioned ??= PositionedDocument.parse(source).doc);
  const items: z.infer<S>[] = [];
  const indexOf = new Map<string, number>();
  const file = { path, items, indexOf, positionOf: (p: PropertyKey[]) => doc().positionOf(p) };

  const syntaxProblems = () => {
    const parsed = PositionedDocument.parse(source);
    positioned = parsed.doc;
    return parsed.syntaxProblems.map((p) => ({ file: path, ...p, message: p.message.replace('YAML', 'JSON') }));
  };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    const problems = syntaxProblems();
    return { file, problems: problems.length ? problems : [{ file: path, line: 1, column: 1, field: '', message: 'not valid JSON' }] };
  }
  // JSON.parse keeps the last of two equal keys silently; a file of human size is also read by
  // the positioned parser, which refuses them. (A generated file of megabytes is not.)
  if (source.length < POSITIONED_CHECK_LIMIT) {
    const problems = syntaxProblems();
    if (problems.length) return { file, problems };
  }
  if (!Array.isArray(data)) return { file, problems: [{ file: path, line: 1, column: 1, field: '', message: 'expected a JSON array of records' }] };

  const problems: Problem[] = [];
  data.forEach((raw: unknown, index: number) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push(...doc().problemsFromZod(result.error, path, [index]));
      return;
    }
    const item = result.data;
    if (indexOf.has(item.id)) {
      problems.push({
        file: path,
        ...doc().positionOf([index, 'id']),
        field: `[${index}].id`,
        message: `duplicate id "${item.id}" (first defined at [${indexOf.get(item.id)}]): ids must be unique`,
      });
      return;
    }
    indexOf.set(item.id, index);
    items.push(item);
  });
  return { file, problems };
}
