import { z } from 'zod';
import { citationSeedSchema } from '../sources/citations';
import { quantitySchema } from '../numbers/schema';
import {
  isoDateSchema,
  langTagSchema,
  partialDateSchema,
  QUANTITY_UNITS,
  RELATIONS,
  slugSchema,
  VERDICTS,
  verbatimTextSchema,
} from '../shared/vocabulary';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/**
 * A figure as one source states it: a value, or a range, and its unit. It is the small core of
 * a quantity (value | low/high, unit), so that it maps onto the claim's own `quantity`.
 */
export const figureSchema = z
  .strictObject({
    value: z.number().finite().optional(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    unit: z.enum(QUANTITY_UNITS),
  })
  .superRefine((f, ctx) => {
    const hasRange = f.low !== undefined || f.high !== undefined;
    if (f.value === undefined && !hasRange) ctx.addIssue({ code: 'custom', path: ['value'], message: 'give either value or low and high' });
    if (f.value !== undefined && hasRange) ctx.addIssue({ code: 'custom', path: ['value'], message: 'give either value or low and high, not both' });
    if (hasRange && (f.low === undefined || f.high === undefined)) ctx.addIssue({ code: 'custom', path: [f.low === undefined ? 'low' : 'high'], message: 'a range needs both low and high' });
    if (f.low !== undefined && f.high !== undefined && f.low > f.high) ctx.addIssue({ code: 'custom', path: ['low'], message: 'low must not exceed high' });
  });
export type Figure = z.infer<typeof figureSchema>;

/** What one source actually said: verbatim in its language, with a translation unless it is English. */
export const saidSchema = z
  .strictObject({
    lang: langTagSchema,
    text: verbatimTextSchema.pipe(text(2000)),
    translation: text(2000).optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.translation && !/^en(-|$)/i.test(s.lang)) ctx.addIssue({ code: 'custom', path: ['translation'], message: 'a quote not in English needs a translation' });
  });

export const appearanceSchema = z.strictObject({
  source: slugSchema,
  date: partialDateSchema.optional(),
  /**
   * What this source cited for this claim. Absent: what the source's own record cites (the
   * usual case). Given (even empty): these links replace the source's for this claim only.
   */
  cites: z.array(citationSeedSchema).max(50).optional(),
  said: saidSchema.optional(),
  figure: figureSchema.optional(),
  note: text(500).optional(),
});

/** The claim's figure: the one quantity schema (lib/numbers/schema.ts), its measure a key from db/seed/measures.json. */
export { quantitySchema };

/**
 * The verdict in plain words for this claim: one or two sentences a reader can take away (for a
 * mixed or misleading verdict, what is true and what is not). It is shown under the verdict and
 * used as the ClaimReview reviewBody, so it is plain text: one paragraph, no markup.
 */
export const claimSummarySchema = text(420)
  .refine((s) => s.length >= 40, { message: 'too short: say in one or two sentences what holds and what does not (40 characters or more)' })
  .refine((s) => !/[\r\n]/.test(s), { message: 'must be one paragraph: no line breaks' })
  .refine((s) => !/[<>{}`*]/.test(s), { message: 'must be plain text: no <, >, {, }, ` or * (it is shown as text, never as MDX or Markdown)' });

/** One verbatim passage of the source where the claim was made (its first appearance). */
export const passageSchema = z.strictObject({
  lang: langTagSchema,
  text: verbatimTextSchema.pipe(text(3000)),
  /** Empty only in a draft (`status: draft`): a published claim checks that every passage has one. */
  translation: z.string().trim().max(3000),
  /** Where in the source: "headline", "lead", "para. 4"… */
  locator: text(100).optional(),
});

/** At most this many passages per claim. */
export const MAX_PASSAGES = 20;
const passageListSchema = z.array(passageSchema).min(1, 'list at least one passage').max(MAX_PASSAGES, `list at most ${MAX_PASSAGES} passages`);

/**
 * `original` is a list of passages, the first the main one. The older single-passage form
 * (`original: { lang, text, translation }`) is still accepted and read as a list of one, so
 * claim files written either way check and ingest the same.
 */
const originalSchema = z.unknown().transform((value, ctx) => {
  const result = Array.isArray(value) ? passageListSchema.safeParse(value) : passageSchema.safeParse(value);
  if (!result.success) {
    // The inner issues keep their paths (original.text, original[2].lang), so problems point at the field.
    for (const issue of result.error.issues) ctx.addIssue({ ...issue } as never);
    return z.NEVER;
  }
  return Array.isArray(result.data) ? result.data : [result.data];
});

/**
 * `published` (the default) or `draft`: a draft is a record still being written (as `claims
 * draft` and /intake write them, with TODO marks and empty translations). It is stored, but
 * shown to editors only: no list, search, count, facet or source page includes it until its
 * file says `status: published` (or drops the line).
 */
export const CLAIM_STATUSES = ['published', 'draft'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** What a draft carries where the editor still has to write: it may not reach a published claim. */
export const TODO_MARK = 'TODO';

/** The YAML frontmatter of claims/<id>.mdx. */
export const claimFrontmatterSchema = z.strictObject({
  status: z.enum(CLAIM_STATUSES).default('published'),
  id: slugSchema,
  title: text(160),
  statement: text(600),
  original: originalSchema,
  claimant: text(300),
  topics: z.array(slugSchema).min(1, 'list at least one topic'),
  appearances: z.array(appearanceSchema).min(1, 'list at least one appearance: where the claim was made'),
  verdict: z.enum(VERDICTS),
  verdict_date: isoDateSchema,
  summary: claimSummarySchema,
  related: z
    .array(z.strictObject({ id: slugSchema, relation: z.enum(RELATIONS) }))
    .default([]),
  quantity: quantitySchema.optional(),
}).superRefine((fm, ctx) => {
  if (fm.status === 'draft') return;
  const unfinished = 'still to be written: finish it, or keep `status: draft` in the frontmatter until it is';
  for (const field of ['title', 'statement', 'claimant', 'summary'] as const) {
    if (fm[field].includes(TODO_MARK)) ctx.addIssue({ code: 'custom', path: [field], message: `is marked ${TODO_MARK}, ${unfinished}` });
  }
  fm.original.forEach((p, i) => {
    if (!p.translation) ctx.addIssue({ code: 'custom', path: ['original', i, 'translation'], message: `must not be empty (${unfinished})` });
  });
});

export type ClaimFrontmatter = z.infer<typeof claimFrontmatterSchema>;
export type Appearance = z.infer<typeof appearanceSchema>;
export type Passage = z.infer<typeof passageSchema>;
