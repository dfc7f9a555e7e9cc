import { z } from 'zod';
import { parseJsonArray } from '../shared/json-columns';
import { CITATION_BASES, plainString, slugSchema, type CitationBasis } from '../shared/vocabulary';

/**
 * What a source cites, as data: the cited source, where in the citing source the link is made,
 * and how the link is known (stated by the source, or inferred by a named editor, with why).
 * It is kept as a JSON list on the source (its editable form, revisioned like every other
 * field); the derived source_cite rows and the lineage graphs follow from it.
 */

export interface Citation {
  source: string;
  basis: CitationBasis;
  locator: string | null;
  /** Who concluded an inferred link (a name or an editor's email); null for a stated one. */
  inferred_by: string | null;
  /** Why: for an inferred link, the basis of the inference; for a stated one, an optional remark. */
  note: string | null;
}

export const CITATION_LIMITS = { locator: 300, inferredBy: 200, note: 1000, perSource: 50 } as const;

const text = (max: number) => plainString().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);

const citationObjectSchema = z
  .strictObject({
    source: slugSchema,
    basis: z.enum(CITATION_BASES).default('stated'),
    locator: text(CITATION_LIMITS.locator).optional(),
    inferred_by: text(CITATION_LIMITS.inferredBy).optional(),
    note: text(CITATION_LIMITS.note).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.basis === 'inferred' && !c.inferred_by) ctx.addIssue({ code: 'custom', path: ['inferred_by'], message: 'an inferred link names who inferred it' });
    if (c.basis === 'inferred' && !c.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'an inferred link says why (the basis of the inference)' });
    if (c.basis === 'stated' && c.inferred_by) ctx.addIssue({ code: 'custom', path: ['inferred_by'], message: 'only an inferred link has inferred_by: set basis to "inferred" or remove it' });
  });

/**
 * A citation in seed data and claim files: a bare source id (a stated link, the older form,
 * still accepted) or an object `{ source, basis, locator, inferred_by, note }`.
 */
export const citationSeedSchema = z.preprocess((v) => (typeof v === 'string' ? { source: v } : v), citationObjectSchema);
export type CitationSeed = z.infer<typeof citationSeedSchema>;

/** A citation in the JSON API and the source form (camelCase, like every API body). */
export const citationInputSchema = z
  .strictObject({
    sourceId: slugSchema,
    basis: z.enum(CITATION_BASES).default('stated'),
    locator: text(CITATION_LIMITS.locator).nullish().transform((v) => v ?? null),
    inferredBy: text(CITATION_LIMITS.inferredBy).nullish().transform((v) => v ?? null),
    note: text(CITATION_LIMITS.note).nullish().transform((v) => v ?? null),
  })
  .superRefine((c, ctx) => {
    if (c.basis === 'inferred' && !c.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'an inferred link says why (the basis of the inference)' });
    if (c.basis === 'stated' && c.inferredBy) ctx.addIssue({ code: 'custom', path: ['inferredBy'], message: 'only an inferred link has inferredBy: set basis to "inferred" or remove it' });
  });
export type CitationInput = z.infer<typeof citationInputSchema>;

export const citationListInputSchema = z.array(citationInputSchema).max(CITATION_LIMITS.perSource, `at most ${CITATION_LIMITS.perSource} citations`);

export function citationFromSeed(c: CitationSeed): Citation {
  return { source: c.source, basis: c.basis, locator: c.locator ?? null, inferred_by: c.inferred_by ?? null, note: c.note ?? null };
}

/** An API citation as stored; an inferred link without a name is credited to the editor who saved it. */
export function citationFromInput(c: CitationInput, actor: string): Citation {
  return { source: c.sourceId, basis: c.basis, locator: c.locator, inferred_by: c.basis === 'inferred' ? (c.inferredBy ?? actor) : null, note: c.note };
}

/** The stored JSON form: one object per cited source (the first wins), keys in a fixed order. */
export function serializeCitations(citations: Citation[]): string {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of citations) {
    if (seen.has(c.source)) continue;
    seen.add(c.source);
    out.push({ source: c.source, basis: c.basis, locator: c.locator, inferred_by: c.inferred_by, note: c.note });
  }
  return JSON.stringify(out);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Reads a source's stored `cites` without trusting it: the older list of ids reads as stated
 * links, objects keep their details, anything else is dropped. Never throws.
 */
export function parseCitations(json: string): Citation[] {
  const seen = new Set<string>();
  return parseJsonArray(json).flatMap((raw): Citation[] => {
    const obj = typeof raw === 'string' ? { source: raw } : raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
    const source = obj ? str(obj.source) : null;
    if (!obj || !source || seen.has(source)) return [];
    seen.add(source);
    const basis: CitationBasis = obj.basis === 'inferred' ? 'inferred' : 'stated';
    return [{ source, basis, locator: str(obj.locator), inferred_by: basis === 'inferred' ? str(obj.inferred_by) : null, note: str(obj.note) }];
  });
}

/** The ids a stored `cites` list names, in order. */
export function citedSourceIds(json: string): string[] {
  return parseCitations(json).map((c) => c.source);
}

/** The API's view of a citation (the same shape PATCH takes). */
export function toCitationRecord(c: Citation) {
  return { sourceId: c.source, basis: c.basis, locator: c.locator, inferredBy: c.inferred_by, note: c.note };
}
