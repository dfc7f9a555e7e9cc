import type { SourceType } from '../shared/vocabulary';
import { PUBLISHER_NAME } from './claim-review';

/**
 * CSL-JSON, the stored and exchanged form of every citation (BibTeX, RIS and formatted
 * references are made from it by citation-js). Only the fields this ledger fills are typed.
 */
export interface CslName {
  literal?: string;
  family?: string;
  given?: string;
}
export interface CslDate {
  'date-parts': number[][];
}
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  publisher?: string;
  'container-title'?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  language?: string;
  version?: string;
  note?: string;
  genre?: string;
}

/** Source types as CSL item types; the closest CSL type where the ledger's is broader. */
const CSL_TYPE: Record<SourceType, string> = {
  report: 'report',
  news: 'article-newspaper',
  paper: 'article-journal',
  dataset: 'dataset',
  'official-statistics': 'report',
  podcast: 'broadcast',
  blog: 'post-weblog',
  social: 'post',
};

/** "2023", "2023-04" or "2023-04-13" as CSL date parts; null for anything else. */
export function toCslDate(value: string | null): CslDate | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return undefined;
  return { 'date-parts': [[Number(m[1]), ...(m[2] ? [Number(m[2])] : []), ...(m[3] ? [Number(m[3])] : [])]] };
}

export interface CitableSource {
  id: string;
  title: string;
  type: SourceType;
  authors: string[];
  publisher: string | null;
  published: string | null;
  accessed: string | null;
  url: string | null;
  lang: string;
}

/**
 * A source as CSL-JSON. Author names are kept as written (`literal`): the ledger stores them
 * as one string, often an organisation or a name in a script without a given/family split,
 * and guessing a split would misname people.
 */
export function sourceToCsl(s: CitableSource): CslItem {
  const type = CSL_TYPE[s.type] ?? 'document';
  const periodical = type === 'article-newspaper' || type === 'article-journal' || type === 'post-weblog';
  return {
    id: s.id,
    type,
    title: s.title,
    ...(s.authors.length ? { author: s.authors.map((literal) => ({ literal })) } : {}),
    ...(s.publisher ? { publisher: s.publisher, ...(periodical ? { 'container-title': s.publisher } : {}) } : {}),
    ...(toCslDate(s.published) ? { issued: toCslDate(s.published) } : {}),
    ...(toCslDate(s.accessed) ? { accessed: toCslDate(s.accessed) } : {}),
    ...(s.url ? { URL: s.url } : {}),
    language: s.lang,
  };
}

export interface CitableClaimVersion {
  id: string;
  title: string;
  revision: number;
  /** When this revision was written (ISO timestamp). */
  at: string;
  verdictLabel: string;
  permalink: string;
}

/**
 * One revision of a claim as CSL-JSON: a web page by the ledger, its revision as the version,
 * its date the revision's, its URL the permalink pinned to that revision.
 */
export function claimToCsl(c: CitableClaimVersion): CslItem {
  return {
    id: `${c.id}-v${c.revision}`,
    type: 'webpage',
    title: c.title,
    author: [{ literal: PUBLISHER_NAME }],
    publisher: PUBLISHER_NAME,
    'container-title': PUBLISHER_NAME,
    issued: toCslDate(c.at.slice(0, 10)),
    version: String(c.revision),
    URL: c.permalink,
    note: `Verdict: ${c.verdictLabel}`,
  };
}
