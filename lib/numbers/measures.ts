import { z } from 'zod';
import vocabulary from '../../db/seed/measures.json';
import { DIMENSIONS, type Dimension } from './units';

/**
 * The measure vocabulary (db/seed/measures.json): what a figure is a figure of, so that two
 * figures about the same thing can be found and compared. It is checked when loaded: a bad
 * entry stops every entry point with the key and field to fix.
 */

export const measureKeySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/, 'expected a measure key such as "training-cost.gpt-4" (lowercase, dotted)')
  .max(120);

const measureSchema = z.strictObject({
  key: measureKeySchema,
  label: z.string().trim().min(1).max(300),
  dimension: z.enum(DIMENSIONS),
  family: measureKeySchema.optional(),
  member: z.string().trim().min(1).max(80).optional(),
  order: z.number().int().optional(),
  related: z.array(z.strictObject({ key: measureKeySchema, caveat: z.string().trim().min(1).max(300) })).max(10).default([]),
});
export type Measure = z.infer<typeof measureSchema>;

function loadVocabulary(raw: unknown): Map<string, Measure> {
  const parsed = z.strictObject({ $comment: z.string().optional(), measures: z.array(measureSchema) }).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`db/seed/measures.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  const byKey = new Map<string, Measure>();
  for (const m of parsed.data.measures) {
    if (byKey.has(m.key)) throw new Error(`db/seed/measures.json: measure "${m.key}" is listed twice`);
    byKey.set(m.key, m);
  }
  for (const m of byKey.values()) {
    for (const r of m.related) {
      if (!byKey.has(r.key)) throw new Error(`db/seed/measures.json: measure "${m.key}" relates to unknown measure "${r.key}"`);
    }
  }
  return byKey;
}

const MEASURES = loadVocabulary(vocabulary);

export function getMeasure(key: string): Measure | null {
  return MEASURES.get(key) ?? null;
}

export function listMeasures(): Measure[] {
  return [...MEASURES.values()];
}

export function measureDimension(key: string): Dimension | null {
  return MEASURES.get(key)?.dimension ?? null;
}

/** Measures of one family in series order (GPT-3, GPT-4, GPT-5). */
export function familyMembers(family: string): Measure[] {
  return listMeasures()
    .filter((m) => m.family === family)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || a.key.localeCompare(b.key));
}

/** A key that is in the vocabulary; an unknown key names the file to add it to. */
export const knownMeasureKeySchema = measureKeySchema.refine((k) => MEASURES.has(k), {
  error: (issue) => `unknown measure "${String(issue.input)}": use a key from db/seed/measures.json, or add one there`,
});
