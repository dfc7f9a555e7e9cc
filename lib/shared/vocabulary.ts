import { z } from 'zod';
import { UNIT_KEYS, type Unit } from '../numbers/units';

/**
 * Controlled vocabularies shared by claim files, seed data, the API and the pages.
 * Each list is the single source of truth; docs and the methodology page read them.
 */

export const VERDICTS = [
  'supported',
  'mostly-supported',
  'mixed',
  'misleading',
  'false',
  'unverifiable',
  'not-a-factual-claim',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The verdict scale and its mapping to schema.org ClaimReview ratings
 * (bestRating 5, worstRating 1). Verdicts that are not a position on the
 * true–false axis carry no ratingValue, only the alternateName.
 */
export const VERDICT_SCALE: Record<Verdict, { label: string; ratingValue: number | null; meaning: string }> = {
  supported: {
    label: 'Supported',
    ratingValue: 5,
    meaning: 'The primary sources bear the claim out as stated: figure, attribution and framing.',
  },
  'mostly-supported': {
    label: 'Mostly supported',
    ratingValue: 4,
    meaning: 'The core of the claim holds, with caveats that a careful reader should know.',
  },
  mixed: {
    label: 'Mixed',
    ratingValue: 3,
    meaning: 'Part of the claim holds and part does not, or credible sources disagree.',
  },
  misleading: {
    label: 'Misleading',
    ratingValue: 2,
    meaning: 'Contains some truth, but the figure, framing or attribution leaves a false impression.',
  },
  false: {
    label: 'False',
    ratingValue: 1,
    meaning: 'The primary sources contradict the claim.',
  },
  unverifiable: {
    label: 'Unverifiable',
    ratingValue: null,
    meaning: 'No primary source could be found or read to check it; neither confirmed nor refuted.',
  },
  'not-a-factual-claim': {
    label: 'Not a factual claim',
    ratingValue: null,
    meaning: 'An opinion, forecast or value judgement: it cannot be true or false as stated.',
  },
};

export const RELATIONS = ['same-figure', 'depends-on', 'contradicts', 'context'] as const;
export type Relation = (typeof RELATIONS)[number];

export const STANCES = ['supports', 'contradicts', 'qualifies', 'context'] as const;
export type Stance = (typeof STANCES)[number];

export const EVIDENCE_TARGETS = ['value', 'attribution', 'date', 'causality', 'whole'] as const;
export type EvidenceTarget = (typeof EVIDENCE_TARGETS)[number];

export const SOURCE_TYPES = [
  'report',
  'news',
  'paper',
  'dataset',
  'official-statistics',
  'podcast',
  'blog',
  'social',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'U'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_SCALE: Record<ReliabilityGrade, { label: string; meaning: string }> = {
  A: {
    label: 'Primary or authoritative',
    meaning: 'Official statistics, a peer-reviewed or lab paper, or the claimant’s own publication.',
  },
  B: {
    label: 'Reliable secondary',
    meaning: 'An established outlet with editorial standards, or a reputable research organisation.',
  },
  C: {
    label: 'Use with care',
    meaning: 'Commentary, newsletters, named-author blogs, reposts or summaries of reliable originals.',
  },
  D: {
    label: 'Weak',
    meaning: 'Anonymous or machine-generated summaries, content farms, unattributed aggregators.',
  },
  U: {
    label: 'Not assessable',
    meaning: 'The text itself could not be read, so its reliability could not be judged.',
  },
};

export const COPY_KINDS = ['mirror', 'repost', 'archive'] as const;

/** The units a figure may be in, with their dimensions: lib/numbers/units.ts. */
export const QUANTITY_UNITS = UNIT_KEYS;
export type QuantityUnit = Unit;

/**
 * How a citation link is known: 'stated' when the citing source itself names what it relies on,
 * 'inferred' when an editor concluded it (and says who and why). Lineage counts both, and says
 * how the count changes when inferred links are left out.
 */
export const CITATION_BASES = ['stated', 'inferred'] as const;
export type CitationBasis = (typeof CITATION_BASES)[number];

/** An ASCII kebab-case slug: the claim's permanent URL. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an ASCII kebab-case slug such as "gpt4-training-cost-500m"')
  .max(120);

/** True when `id` could be a record id (claims, sources, evidence and notes all use slugs). */
export function isSlug(id: string): boolean {
  return id.length <= 120 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
}

/** A date known to the year, the month or the day. */
/** True when a YYYY-MM-DD names a real day (2025-02-31 does not). */
function isCalendarDay(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((v) => v.length < 10 || isCalendarDay(v), { message: 'no such day in the calendar' });

export const isoDateSchema = z.iso.date({ message: 'expected a date as YYYY-MM-DD' });

export const isoDateTimeSchema = z.iso.datetime({ message: 'expected an ISO-8601 timestamp such as 2026-11-28T00:00:00Z' });

/** A BCP-47 language tag, checked by the platform's own tag parser. */
export const langTagSchema = z.string().max(35, 'a language tag is at most 35 characters').refine(
  (tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  },
  { message: 'expected a BCP-47 language tag such as "en" or "zh-Hant"' },
);

// C0 control characters (but tab and line breaks) and DEL are never part of a text people
// mean to store; NUL in particular is refused by PostgreSQL. Refuse them with the field named.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A string without control characters: the base of every text field people submit. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** False when the text holds half of a UTF-16 surrogate pair, which UTF-8 (and the store) cannot keep. */
export function isWellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/** The path of the first key or string anywhere in a JSON-like value that is not well-formed Unicode, or null. */
export function findIllFormedText(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isWellFormedText(k)) return [...path, k];
      const found = findIllFormedText(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Submitted text: refused (never silently repaired) when it holds a control character or a lone
 * surrogate, so what is stored is exactly what was sent. The API, the forms and the CLI all
 * validate through schemas built on this.
 */
export function plainString() {
  return z
    .string()
    .refine(isWellFormedText, { message: 'contains a lone surrogate (half of a UTF-16 pair): send well-formed Unicode text', abort: true })
    .refine((s) => !CONTROL_CHARACTERS.test(s), { message: 'contains a control character: remove it' });
}

export const httpUrlSchema = plainString()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: 'expected an http or https URL' }));

/** A verbatim quote: ellipses and brackets mean the text was cut or edited. */

/** A verbatim quote: ellipses and brackets mean the text was cut or edited. */
export const verbatimTextSchema = plainString()
  .min(1)
  .refine((s) => !/…|\.\.\.|\[|\]/.test(s), {
    message: 'a verbatim quote may not contain an ellipsis or brackets: split a cut quote into two excerpts',
  });
