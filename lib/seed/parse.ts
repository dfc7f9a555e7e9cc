import type { z } from 'zod';
import { PositionedDocument, type Problem } from '../shared/problems';


export interface SeedFile<T> {
  path: string;
  items: T[];
  doc: PositionedDocument;
  /** Array index of each item, to point problems at it. */
  indexOf: Map<string, number>;
}

/**
 * Parses one seed file (a JSON array) from its text, validating each record with
 * `schema`. JSON is read by the YAML parser, which keeps positions for problems.
 */
export function parseSeedFile<S extends z.ZodType<{ id: string }>>(
  path: string,
  source: string,
  schema: S,
): { file: SeedFile<z.infer<S>>; problems: Problem[] } {
  const { doc, syntaxProblems } = PositionedDocument.parse(source);
  const problems: Problem[] = syntaxProblems.map((p) => ({ file: path, ...p, message: p.message.replace('YAML', 'JSON') }));
  const items: z.infer<S>[] = [];
  const indexOf = new Map<string, number>();
  if (problems.length === 0) {
    const data = doc.toJS();
    if (!Array.isArray(data)) {
      problems.push({ file: path, line: 1, column: 1, field: '', message: 'expected a JSON array of records' });
    } else {
      data.forEach((raw: unknown, index: number) => {
        const result = schema.safeParse(raw);
        if (!result.success) {
          problems.push(...doc.problemsFromZod(result.error, path, [index]));
          return;
        }
        const item = result.data;
        if (indexOf.has(item.id)) {
          problems.push({
            file: path,
            ...doc.positionOf([index, 'id']),
            field: `[${index}].id`,
            message: `duplicate id "${item.id}" (first defined at [${indexOf.get(item.id)}]): ids must be unique`,
          });
          return;
        }
        indexOf.set(item.id, index);
        items.push(item);
      });
    }
  }
  return { file: { path, items, doc, indexOf }, problems };
}
