import { TODO_MARK } from '../claims/schema';
import type { Candidate, ScoredSentence } from './group';

/**
 * Draft claim records from intake candidates: one MDX file per candidate, `status: draft`,
 * quoting the article's sentences verbatim as the claim's original passages, the article as
 * the first appearance, and TODO where an editor must write (title, statement, claimant,
 * summary, translations). Article text goes only into YAML strings, never into the MDX body,
 * so nothing the article says is compiled as MDX.
 */

export interface DraftInput {
  candidate: Candidate;
  lang: string;
  sourceId: string;
  /** The day the draft is written (YYYY-MM-DD): its provisional verdict date. */
  today: string;
}

export interface DraftRecord {
  id: string;
  fileName: string;
  mdx: string;
}

const quote = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

function figureWord(canonical: string): string | null {
  const value = Number(canonical.replace(/^[a-z$%]+/, ''));
  if (!Number.isFinite(value)) return null;
  const short = (n: number) =>
    n >= 1e9 ? `${Number((n / 1e9).toPrecision(3))}b` : n >= 1e6 ? `${Number((n / 1e6).toPrecision(3))}m` : n >= 1e3 ? `${Number((n / 1e3).toPrecision(3))}k` : String(n);
  if (canonical.startsWith('x')) return `${value}x`;
  if (canonical.startsWith('%')) return `${String(value).replace('.', '-')}-pct`;
  if (canonical.startsWith('pp')) return `${value}-points`;
  if (canonical.startsWith('$')) return short(value).replace('.', '-');
  return null;
}

const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'is', 'are', 'was', 'were', 'be', 'that', 'this', 'it', 'its', 'as', 'from', 'has', 'have', 'than', 'said', 'says', 'according']);

/**
 * An id from the sentence's English gist: its English words (an English article) or the
 * Latin names in it (a Chinese one), and its figures (17x, 34-pct, 500m). A sentence with
 * neither gets draft-<source>-<n>; the editor renames the file when the statement is written.
 */
export function suggestDraftId(sentence: ScoredSentence, fallback: string): string {
  const words = (sentence.text.normalize('NFKD').match(/[A-Za-z][A-Za-z0-9-]*/g) ?? [])
    .map((w) => w.toLowerCase())
    .filter((w) => !STOP.has(w) && w.length > 1);
  const figures = sentence.figures.map(figureWord).filter((f): f is string => Boolean(f));
  const parts = [...new Set([...words.slice(0, 5), ...figures.slice(0, 2)])];
  const slug = parts.join('-').replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
  return slug.length >= 3 ? slug : fallback;
}

function locatorOf(s: ScoredSentence): string {
  return s.headline ? 'headline' : `para. ${s.paragraph}`;
}

/** Ids not yet taken: a suggestion already used (in claims/ or earlier in this batch) gets -2, -3… */
export function uniqueId(id: string, taken: Set<string>): string {
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  taken.add(out);
  return out;
}

export function buildDraftRecord(input: DraftInput, id: string): DraftRecord {
  const { candidate, lang } = input;
  const passages = [candidate.main, ...candidate.passages.filter((p) => p !== candidate.main)].slice(0, 20);
  const features = candidate.features.map((f) => f.key).join(', ');
  const lines = [
    '---',
    'status: "draft"',
    `id: ${quote(id)}`,
    `title: ${quote(`${TODO_MARK}: a short English title`)}`,
    `statement: ${quote(`${TODO_MARK}: the claim in one English sentence`)}`,
    'original:',
    ...passages.flatMap((p) => [`  - lang: ${quote(lang)}`, `    text: ${quote(p.text)}`, '    translation: ""', `    locator: ${quote(locatorOf(p))}`]),
    `claimant: ${quote(`${TODO_MARK}: who made the claim`)}`,
    'topics: ["intake-draft"]',
    'appearances:',
    `  - source: ${quote(input.sourceId)}`,
    `    note: ${quote(`Drafted by intake: candidate ${candidate.rank}, score ${candidate.score} (${features || 'no features'}).`.slice(0, 500))}`,
    'verdict: "unverifiable"',
    `verdict_date: ${quote(input.today)}`,
    `summary: ${quote(`${TODO_MARK}: one or two plain sentences saying what holds and what does not.`)}`,
    '---',
    '',
    `${TODO_MARK}: the evidence for this claim, with the registered components (Quote, SourceRef, ClaimRef).`,
    '',
  ];
  return { id, fileName: `${id}.mdx`, mdx: lines.join('\n') };
}

/** Drafts for these candidates, ids unique among `taken` (which they are added to). */
export function buildDrafts(candidates: Candidate[], options: { lang: string; sourceId: string; today: string; taken: Set<string> }): DraftRecord[] {
  return candidates.map((candidate) => {
    const id = uniqueId(suggestDraftId(candidate.main, `draft-${options.sourceId}-${candidate.rank}`), options.taken);
    return buildDraftRecord({ candidate, lang: options.lang, sourceId: options.sourceId, today: options.today }, id);
  });
}
