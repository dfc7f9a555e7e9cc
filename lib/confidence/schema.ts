import { z } from 'zod';
import { isoDateTimeSchema, slugSchema, VERDICTS } from '../shared/vocabulary';

/** One confidence note in db/seed/confidence-notes.json. Notes are append-only. */
export const confidenceNoteSeedSchema = z
  .strictObject({
    id: slugSchema,
    claim: slugSchema,
    confidence: z.number().min(0).max(1).nullable().default(null),
    verdict: z.enum(VERDICTS).nullable().default(null),
    reason: z.string().trim().min(1).max(5000),
    evidence: z.array(slugSchema).default([]),
    author: z.string().trim().min(1).max(200),
    created_at: isoDateTimeSchema,
    seed_revision: z.number().int().min(1),
  })
  .refine((n) => n.confidence !== null || n.verdict !== null, {
    message: 'a confidence note needs a confidence, a verdict, or both',
    path: ['confidence'],
  });
export type ConfidenceNoteSeed = z.infer<typeof confidenceNoteSeedSchema>;
