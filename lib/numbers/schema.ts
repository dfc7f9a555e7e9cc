import { z } from 'zod';
import { partialDateSchema } from '../shared/vocabulary';
import { getMeasure, knownMeasureKeySchema } from './measures';
import { dimensionOf, isMoney, UNIT_KEYS } from './units';

/**
 * One quantity, the same shape in claim files (`quantity`), evidence (seed, API, site, CLI) and
 * exports: a value, or a range whose either end may be open ("over $100 million" is low only),
 * a unit, the measure it is a figure of, when, where, and on what basis.
 */

export const BASES = ['estimate', 'reported', 'official', 'claimed'] as const;
export type Basis = (typeof BASES)[number];

const quantityFields = {
  value: z.number().finite().optional(),
  low: z.number().finite().optional(),
  high: z.number().finite().optional(),
  unit: z.enum(UNIT_KEYS),
  measure: knownMeasureKeySchema,
  as_of: partialDateSchema.optional(),
  /** The year whose money a nominal currency figure is in; defaults to the year of as_of. */
  price_year: z.number().int().min(1800).max(2200).optional(),
  geography: z.string().trim().min(1).max(100).optional(),
  basis: z.enum(BASES).optional(),
  /** What the figure covers, in words, when the measure's label does not say enough. */
  note: z.string().trim().min(1).max(500).optional(),
  /** The figure as the source wrote it ("US$0.5 billion"), kept beside the exact value. */
  text: z.string().trim().min(1).max(100).optional(),
};

type QuantityShape = { value?: number; low?: number; high?: number; unit: (typeof UNIT_KEYS)[number]; measure: string; price_year?: number };

/** The rules every quantity keeps, whatever it was written in. */
export function checkQuantity(q: QuantityShape, ctx: z.RefinementCtx): void {
  const hasRange = q.low !== undefined || q.high !== undefined;
  if (q.value === undefined && !hasRange) ctx.addIssue({ code: 'custom', path: ['value'], message: 'give a value, or low and/or high (a range; either end may be open)' });
  if (q.value !== undefined && hasRange) ctx.addIssue({ code: 'custom', path: ['value'], message: 'give either value or low/high, not both' });
  if (q.low !== undefined && q.high !== undefined && q.low > q.high) ctx.addIssue({ code: 'custom', path: ['low'], message: 'low must not exceed high' });
  if (q.price_year !== undefined && !isMoney(q.unit)) ctx.addIssue({ code: 'custom', path: ['price_year'], message: `a price year is for money; ${q.unit} is not a currency` });
  const measure = getMeasure(q.measure);
  if (measure && measure.dimension !== dimensionOf(q.unit)) {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: `measure "${q.measure}" is a ${measure.dimension} figure; unit ${q.unit} is ${dimensionOf(q.unit)}` });
  }
}

export const quantitySchema = z.strictObject(quantityFields).superRefine(checkQuantity);
export type Quantity = z.infer<typeof quantitySchema>;

/** The price year of a money figure: stated, or the year of its as-of date, or unknown. */
export function priceYearOf(q: { unit: string; price_year?: number | null; as_of?: string | null }): number | null {
  if (!isMoney(q.unit as never)) return null;
  if (q.price_year) return q.price_year;
  return q.as_of ? Number(q.as_of.slice(0, 4)) : null;
}

export { quantityFields };
