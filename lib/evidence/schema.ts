import { z } from 'zod';
import { knownMeasureKeySchema } from '../numbers/measures';
import { BASES, checkQuantity } from '../numbers/schema';
import { UNIT_KEYS } from '../numbers/units';
import {
  EVIDENCE_TARGETS,
  isoDateTimeSchema,
  langTagSchema,
  partialDateSchema,
  slugSchema,
  STANCES,
  verbatimTextSchema,
} from '../shared/vocabulary';

/** One evidence entry in db/seed/evidence.json. */
export const evidenceSeedSchema = z.strictObject({
  id: slugSchema,
  claim: slugSchema,
  source: slugSchema,
  stance: z.enum(STANCES),
  target: z.enum(EVIDENCE_TARGETS).default('whole'),
  excerpt: verbatimTextSchema.pipe(z.string().max(5000)),
  lang: langTagSchema,
  translation: z.string().trim().min(1).max(5000).nullable().default(null),
  locator: z.string().trim().min(1).max(300).nullable().default(null),
  // The quantity the entry states (lib/numbers/schema.ts), flat: every field absent when it states none.
  value: z.number().finite().nullable().default(null),
  low: z.number().finite().nullable().default(null),
  high: z.number().finite().nullable().default(null),
  unit: z.enum(UNIT_KEYS).nullable().default(null),
  measure: knownMeasureKeySchema.nullable().default(null),
  as_of: partialDateSchema.nullable().default(null),
  price_year: z.number().int().min(1800).max(2200).nullable().default(null),
  geography: z.string().trim().min(1).max(100).nullable().default(null),
  basis: z.enum(BASES).nullable().default(null),
  note: z.string().trim().min(1).max(5000).nullable().default(null),
  author: z.string().trim().min(1).max(200),
  created_at: isoDateTimeSchema,
  seed_revision: z.number().int().min(1),
}).superRefine((e, ctx) => {
  const figure = e.value !== null || e.low !== null || e.high !== null;
  if (!figure) {
    for (const k of ['unit', 'measure', 'price_year'] as const) if (e[k] !== null) ctx.addIssue({ code: 'custom', path: [k], message: 'states no figure: give value (or low/high) too, or remove this' });
    return;
  }
  if (e.unit === null) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a figure needs a unit' });
  if (e.measure === null) ctx.addIssue({ code: 'custom', path: ['measure'], message: 'a figure needs its measure: a key from db/seed/measures.json' });
  if (e.unit === null || e.measure === null) return;
  const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
  checkQuantity(strip({ value: e.value, low: e.low, high: e.high, unit: e.unit, measure: e.measure, price_year: e.price_year }) as never, ctx);
});
export type EvidenceSeed = z.infer<typeof evidenceSeedSchema>;
