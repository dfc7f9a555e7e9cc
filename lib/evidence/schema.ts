import { z } from 'zod';
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
  value: z.number().finite().nullable().default(null),
  unit: z.string().trim().min(1).max(40).nullable().default(null),
  as_of: partialDateSchema.nullable().default(null),
  note: z.string().trim().min(1).max(5000).nullable().default(null),
  author: z.string().trim().min(1).max(200),
  created_at: isoDateTimeSchema,
  seed_revision: z.number().int().min(1),
});
export type EvidenceSeed = z.infer<typeof evidenceSeedSchema>;
