import { z } from 'zod';
import { CITATION_LIMITS, citationSeedSchema } from './citations';
import {
  COPY_KINDS,
  httpUrlSchema,
  isoDateSchema,
  langTagSchema,
  partialDateSchema,
  RELIABILITY_GRADES,
  slugSchema,
  SOURCE_TYPES,
} from '../shared/vocabulary';

export const sourceCopySchema = z.strictObject({
  url: httpUrlSchema,
  kind: z.enum(COPY_KINDS),
  note: z.string().trim().min(1).max(500).optional(),
});
export type SourceCopy = z.infer<typeof sourceCopySchema>;

/** One source in db/seed/sources.json. `url` is the original only: copies go in `copies`. */
export const sourceSeedSchema = z.strictObject({
  id: slugSchema,
  title: z.string().trim().min(1).max(500),
  publisher: z.string().trim().min(1).max(300).nullable().default(null),
  authors: z.array(z.string().trim().min(1).max(200)).default([]),
  published: partialDateSchema.nullable().default(null),
  url: httpUrlSchema.nullable().default(null),
  copies: z.array(sourceCopySchema).default([]),
  accessed: isoDateSchema.nullable().default(null),
  type: z.enum(SOURCE_TYPES),
  lang: langTagSchema,
  reliability: z.enum(RELIABILITY_GRADES),
  reliability_reason: z.string().trim().min(1).max(2000),
  verified: z.boolean(),
  /** What it cites: source ids (stated links) or `{ source, basis, locator, inferred_by, note }`. */
  cites: z.array(citationSeedSchema).max(CITATION_LIMITS.perSource).default([]),
  /** The licence of the source's text, when known (e.g. "CC BY-NC-ND 4.0"). */
  licence: z.string().trim().min(1).max(200).nullable().default(null),
  /** True when that licence lets readers see the full text of its archived copies. */
  text_public: z.boolean().default(false),
  seed_revision: z.number().int().min(1),
});
export type SourceSeed = z.infer<typeof sourceSeedSchema>;
