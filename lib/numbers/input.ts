import { z } from 'zod';
import { UserFacingError } from '../shared/errors';
import { partialDateSchema } from '../shared/vocabulary';
import type { ResolvedQuantity } from './columns';
import { knownMeasureKeySchema } from './measures';
import { parseFigure } from './parse';
import { BASES, checkQuantity } from './schema';
import { UNIT_KEYS } from './units';

/**
 * A quantity as people send it (API, site form, CLI): the same fields as in claim files, where
 * the figure may instead be given as `text` ("US$78.4M", "1.5%–34%") and is parsed; `unit` then
 * only fills in a unit the text leaves out. `measure` may be left out: the claim's own measure is
 * used (lib/evidence/write.ts). The parsed figure is what is stored; the text is kept beside it.
 */
export const quantityInputSchema = z
  .strictObject({
    text: z.string().trim().min(1, 'write a figure such as "US$500M" or "34%"').max(100).optional(),
    value: z.number().finite().optional(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    unit: z.enum(UNIT_KEYS, { error: `expected one of ${UNIT_KEYS.join(', ')}` }).optional(),
    measure: knownMeasureKeySchema.optional(),
    as_of: partialDateSchema.optional(),
    price_year: z.number().int().min(1800).max(2200).optional(),
    geography: z.string().trim().min(1).max(100).optional(),
    basis: z.enum(BASES).optional(),
    locale: z.string().max(35).optional(),
  })
  .transform((q, ctx) => {
    const { text, locale, ...rest } = q;
    let figure: Pick<ResolvedQuantity, 'value' | 'low' | 'high' | 'unit'>;
    if (text !== undefined) {
      if (q.value !== undefined || q.low !== undefined || q.high !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'give the figure either as text or as value/low/high, not both' });
        return z.NEVER;
      }
      const parsed = parseFigure(text, { defaultUnit: q.unit ?? null, locale: locale ?? null });
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: parsed.message });
        return z.NEVER;
      }
      if (q.unit && parsed.figure.unit !== q.unit) {
        ctx.addIssue({ code: 'custom', path: ['unit'], message: `the text reads as ${parsed.figure.unit}, the unit field says ${q.unit}: make them agree` });
        return z.NEVER;
      }
      figure = parsed.figure;
    } else {
      if (!q.unit) {
        ctx.addIssue({ code: 'custom', path: ['unit'], message: `a figure needs a unit: one of ${UNIT_KEYS.join(', ')}` });
        return z.NEVER;
      }
      figure = { value: q.value, low: q.low, high: q.high, unit: q.unit };
    }
    const quantity: ResolvedQuantity = { ...rest, ...figure, measure: q.measure ?? null, ...(text !== undefined && { text }) };
    return quantity;
  });
export type QuantityInput = z.output<typeof quantityInputSchema>;

/**
 * Checks a resolved quantity (after the claim's measure filled in a missing one) by the rules
 * every quantity keeps; problems are reported under `field` (e.g. "quantity.unit").
 */
export function checkResolvedQuantity(q: ResolvedQuantity): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const ctx = { addIssue: (i: { path?: PropertyKey[]; message?: string }) => problems.push({ path: (i.path ?? []).join('.'), message: i.message ?? 'invalid' }) };
  checkQuantity({ ...q, measure: q.measure ?? '' }, ctx as unknown as z.RefinementCtx);
  return problems;
}

/**
 * The quantity an evidence entry stores, from either form it was sent in: `quantity`, or the
 * older `value` + `unit` + `asOf`. A missing measure is the claim's; a figure in the older form
 * on a claim with no measure is kept without one (shown, never compared). Throws naming the field.
 */
export function resolveEvidenceQuantityOrThrow(
  input: { quantity?: QuantityInput | null; value: number | null; unit: string | null; asOf: string | null },
  claimMeasure: string | null,
): ResolvedQuantity | null {
  let q: ResolvedQuantity | null = null;
  if (input.quantity) {
    q = { ...input.quantity, measure: input.quantity.measure ?? claimMeasure, ...(input.quantity.as_of === undefined && input.asOf ? { as_of: input.asOf } : {}) };
    if (!q.measure) throw new UserFacingError('invalid', 'this claim states no figure of its own: name the measure (a key from db/seed/measures.json)', 'quantity.measure');
  } else if (input.value !== null && input.unit !== null) {
    q = { value: input.value, unit: input.unit as ResolvedQuantity['unit'], measure: claimMeasure, ...(input.asOf ? { as_of: input.asOf } : {}) };
  }
  if (!q) return null;
  if (q.measure) {
    const problem = checkResolvedQuantity(q)[0];
    if (problem) throw new UserFacingError('invalid', problem.message, input.quantity ? `quantity.${problem.path}` : problem.path || 'value');
  }
  return q;
}
