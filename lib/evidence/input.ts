import { z } from 'zod';
import { LIMITS } from './limits';
import { quantityInputSchema } from '../numbers/input';
import { UNIT_KEYS } from '../numbers/units';
import { citationListInputSchema } from '../sources/citations';
import {
  EVIDENCE_TARGETS,
  httpUrlSchema,
  langTagSchema,
  plainString,
  partialDateSchema,
  RELIABILITY_GRADES,
  slugSchema,
  SOURCE_TYPES,
  STANCES,
  VERDICTS,
  verbatimTextSchema,
} from '../shared/vocabulary';

/** Limits on every text people submit (the API refuses bodies over 64 kB before parsing). */
export { LIMITS };

const optionalText = (max: number) =>
  plainString()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullish()
    .transform((s) => s ?? null);

/** A new source given inline with a piece of evidence, or through POST /api/sources. */
export const newSourceInputSchema = z.strictObject({
  url: httpUrlSchema.nullish().transform((s) => s ?? null), // at most LIMITS.url (2000) characters
  doi: plainString()
    .trim()
    .regex(/^10\.\d{4,9}\/\S+$/, 'expected a DOI such as 10.48550/arXiv.2412.14161')
    .max(300)
    .nullish()
    .transform((s) => s ?? null),
  title: plainString().trim().min(1, 'a source needs a title').max(LIMITS.title),
  publisher: optionalText(LIMITS.publisher),
  authors: z.array(plainString().trim().min(1).max(200)).max(50).default([]),
  publishedAt: partialDateSchema.nullish().transform((s) => s ?? null),
  type: z.enum(SOURCE_TYPES),
  lang: langTagSchema.default('en'),
  reliability: z.enum(RELIABILITY_GRADES).default('U'),
  reliabilityReason: plainString().trim().min(1).max(2000).default('Not yet assessed by an editor.'),
});
export type NewSourceInput = z.infer<typeof newSourceInputSchema>;

const evidenceFields = {
  stance: z.enum(STANCES),
  target: z.enum(EVIDENCE_TARGETS),
  excerpt: verbatimTextSchema.pipe(plainString().trim().min(1, 'quote the source exactly').max(LIMITS.excerpt, `at most ${LIMITS.excerpt} characters`)),
  lang: langTagSchema,
  translation: optionalText(LIMITS.translation),
  locator: optionalText(LIMITS.locator),
  /** Older form of a figure: a value and a unit (one of lib/numbers/units.ts). Prefer `quantity`. */
  value: z.number().finite().nullish().transform((v) => v ?? null),
  unit: z.enum(UNIT_KEYS, { error: `expected one of ${UNIT_KEYS.join(', ')} (or give the figure as quantity.text, e.g. "US$78.4M")` }).nullish().transform((v) => v ?? null),
  asOf: partialDateSchema.nullish().transform((s) => s ?? null),
  /** The figure the entry states (lib/numbers/input.ts): text such as "US$78.4M", or value/low/high and unit; null: none. */
  quantity: quantityInputSchema.nullish(),
  note: optionalText(LIMITS.note),
};

/** POST /api/claims/{id}/evidence, the site's form and `claims evidence add`: one schema for all three. */
export const newEvidenceInputSchema = z
  .strictObject({
    sourceId: slugSchema.optional(),
    source: newSourceInputSchema.optional(),
    ...evidenceFields,
    target: evidenceFields.target.default('whole'),
  })
  .superRefine((v, ctx) => {
    if (!v.sourceId === !v.source) {
      ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'give either sourceId (an existing source) or source (a new one)' });
    }
    if (v.value !== null && !v.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a numeric value needs a unit' });
    if (v.quantity && (v.value !== null || v.unit !== null)) ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'give the figure either as quantity or as value and unit, not both' });
  });
export type NewEvidenceInput = z.infer<typeof newEvidenceInputSchema>;

/** PATCH /api/evidence/{id}: any subset of the fields; the claim never changes. */
export const evidencePatchSchema = z
  .strictObject({ sourceId: slugSchema, ...evidenceFields })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: [] });
export type EvidencePatch = z.infer<typeof evidencePatchSchema>;

export const confidenceInputSchema = z
  .strictObject({
    confidence: z.number().min(0, 'between 0 and 1').max(1, 'between 0 and 1').nullish().transform((v) => v ?? null),
    verdict: z.enum(VERDICTS).nullish().transform((v) => v ?? null),
    reason: plainString().trim().min(1, 'say why').max(LIMITS.reason),
    evidenceIds: z.array(slugSchema).max(100).default([]),
  })
  .refine((v) => v.confidence !== null || v.verdict !== null, { message: 'give a confidence, a verdict, or both', path: ['confidence'] });
export type ConfidenceInput = z.infer<typeof confidenceInputSchema>;

export const sourcePatchSchema = z
  .strictObject({
    url: httpUrlSchema.nullable(),
    title: plainString().trim().min(1).max(LIMITS.title),
    publisher: plainString().trim().min(1).max(LIMITS.publisher).nullable(),
    authors: z.array(plainString().trim().min(1).max(200)).max(50),
    publishedAt: partialDateSchema.nullable(),
    type: z.enum(SOURCE_TYPES),
    lang: langTagSchema,
    reliability: z.enum(RELIABILITY_GRADES),
    reliabilityReason: plainString().trim().min(1).max(2000),
    verified: z.boolean(),
    copies: z.array(z.strictObject({ url: httpUrlSchema, kind: z.enum(['mirror', 'repost', 'archive']), note: plainString().trim().min(1).max(500).optional() })).max(20),
    /** What the source cites: the whole list, replacing the current one. */
    cites: citationListInputSchema,
    /** The licence of the source's text; with textPublic, readers may see its captures' full text. */
    licence: plainString().trim().min(1).max(200).nullable(),
    textPublic: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change', path: [] });
export type SourcePatch = z.infer<typeof sourcePatchSchema>;

export const reasonSchema = z.strictObject({ reason: plainString().trim().min(1, 'say why').max(LIMITS.reason) });
