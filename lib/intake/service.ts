import type { Kysely } from 'kysely';
import { strToU8, zipSync } from 'fflate';
import type { Database } from '../../db/schema';
import { FetchRefusedError, safeFetch, type SafeFetcher } from '../fetch/safe-fetch';
import type { SearchIndex } from '../search/search-index';
import { isSlug } from '../shared/vocabulary';
import { UserFacingError } from '../shared/errors';
import { analyseArticle, type ArticleAnalysis } from './analyse';
import { buildDrafts, suggestDraftId } from './draft';
import type { IntakeResultDto } from './dto';
import { FEATURE_LABELS } from './features';
import { formatOfFile, readArticle } from './input';
import { matchCandidates } from './match';
import { MAX_ARTICLE_LENGTH } from './split';

/**
 * The one intake path behind the API (and so the /intake page): read the article (pasted,
 * uploaded, or fetched by URL through the safe fetcher), rank, match, and build drafts to
 * download. Nothing here writes: drafts go back to the editor as a file, never into claims/.
 */

export interface IntakeInput {
  text?: string;
  file?: { bytes: Buffer; name: string; type: string };
  url?: string;
  lang?: string;
  top?: number;
}

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const DEFAULT_TOP = 30;
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Reads the form fields (text | file | url, lang, top) into an intake input, or says which field is wrong. */
export async function parseIntakeForm(form: FormData): Promise<IntakeInput & { source?: string; ranks: number[] }> {
  const text = form.get('text');
  const file = form.get('file');
  const url = form.get('url');
  const lang = String(form.get('lang') ?? '').trim();
  const top = String(form.get('top') ?? '').trim();
  const input: IntakeInput & { source?: string; ranks: number[] } = { ranks: [] };
  if (typeof text === 'string' && text.trim()) {
    if (text.length > MAX_ARTICLE_LENGTH) throw new UserFacingError('invalid', `the text is longer than ${MAX_ARTICLE_LENGTH.toLocaleString('en')} characters`, 'text');
    input.text = text;
  } else if (file && typeof file !== 'string' && file.size > 0) {
    if (file.size > MAX_UPLOAD_BYTES) throw new UserFacingError('payload_too_large', 'the file is larger than 2 MB: paste the article text instead', 'file');
    input.file = { bytes: Buffer.from(await file.arrayBuffer()), name: file.name, type: file.type };
  } else if (typeof url === 'string' && url.trim()) {
    input.url = url.trim();
  } else {
    throw new UserFacingError('invalid', 'give the article: paste its text, choose a file, or enter its URL', 'text');
  }
  if (lang) {
    if (!LANG.test(lang)) throw new UserFacingError('invalid', `"${lang.slice(0, 20)}" is not a language tag such as en, zh-Hant or ja`, 'lang');
    input.lang = lang;
  }
  if (top) {
    const n = Number(top);
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new UserFacingError('invalid', 'top must be a whole number from 1 to 100', 'top');
    input.top = n;
  }
  const source = String(form.get('source') ?? '').trim();
  if (source) input.source = source;
  for (const r of form.getAll('rank')) {
    const n = Number(r);
    if (!Number.isInteger(n) || n < 1) throw new UserFacingError('invalid', 'each ticked candidate must be a rank from 1', 'rank');
    input.ranks.push(n);
  }
  return input;
}

async function articleText(input: IntakeInput, fetcher: SafeFetcher): Promise<{ text: string; title: string | null }> {
  if (input.text !== undefined) return readArticle({ bytes: Buffer.from(input.text, 'utf8'), format: 'text', field: 'text' });
  if (input.file) return readArticle({ bytes: input.file.bytes, format: formatOfFile(input.file.name, input.file.type), field: 'file' });
  if (input.url) {
    let doc;
    try {
      doc = await fetcher(input.url, { accept: ['text/html', 'application/xhtml+xml', 'text/plain'], limits: { maxBytes: MAX_UPLOAD_BYTES } });
    } catch (error) {
      if (error instanceof FetchRefusedError) throw new UserFacingError(error.isPolicy ? 'invalid' : 'fetch_failed', `${input.url} was not read: ${error.message}`, 'url', { reason: error.reason });
      throw error;
    }
    return readArticle({ bytes: doc.bytes, format: doc.mediaType === 'text/plain' ? 'text' : 'html', field: 'url' });
  }
  throw new UserFacingError('invalid', 'give the article: paste its text, choose a file, or enter its URL', 'text');
}

async function analyse(input: IntakeInput, fetcher: SafeFetcher): Promise<{ analysis: ArticleAnalysis; title: string | null }> {
  const { text, title } = await articleText(input, fetcher);
  return { analysis: analyseArticle(text, input.lang ? { lang: input.lang } : {}), title };
}

const locatorOf = (s: { headline: boolean; paragraph: number }) => (s.headline ? 'headline' : `para. ${s.paragraph}`);

export async function runIntake(db: Kysely<Database>, index: SearchIndex, input: IntakeInput, fetcher: SafeFetcher = safeFetch): Promise<IntakeResultDto> {
  const { analysis, title } = await analyse(input, fetcher);
  const top = analysis.candidates.slice(0, input.top ?? DEFAULT_TOP);
  const matches = await matchCandidates(db, index, top);
  return {
    lang: analysis.lang,
    langDetected: analysis.langDetected,
    title,
    sentenceCount: analysis.sentences.length,
    candidateCount: analysis.candidates.length,
    candidates: top.map((c) => ({
      rank: c.rank,
      score: c.score,
      features: c.features.map((f) => ({ key: f.key, label: FEATURE_LABELS[f.key], weight: f.weight, matches: f.matches })),
      passages: c.passages.map((p) => ({ index: p.index, text: p.text, headline: p.headline, locator: locatorOf(p) })),
      matches: matches.get(c.rank) ?? [],
    })),
  };
}

export interface DraftDownload {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

/** The ticked candidates as draft records: one .mdx file for one, a .zip for several. */
export async function buildDraftDownload(
  db: Kysely<Database>,
  input: IntakeInput & { source?: string; ranks: number[] },
  options: { today: string; fetcher?: SafeFetcher },
): Promise<DraftDownload> {
  if (!input.source || !isSlug(input.source)) throw new UserFacingError('invalid', 'name the article’s source record (its id in the ledger), which the drafts cite as their first appearance', 'source');
  const source = await db.selectFrom('source').select('id').where('id', '=', input.source).executeTakeFirst();
  if (!source) throw new UserFacingError('invalid', `no source "${input.source}": add the article to the ledger's sources first`, 'source');
  if (!input.ranks.length) throw new UserFacingError('invalid', 'tick at least one candidate to draft', 'rank');
  const { analysis } = await analyse(input, options.fetcher ?? safeFetch);
  const byRank = new Map(analysis.candidates.map((c) => [c.rank, c]));
  const chosen = [...new Set(input.ranks)].sort((a, b) => a - b).map((r) => {
    const c = byRank.get(r);
    if (!c) throw new UserFacingError('invalid', `the article has no candidate ${r}: analyse it again`, 'rank');
    return c;
  });
  // Ids unique against the ledger's claims as well as each other: only the ids a draft might take are looked up.
  const maybe = chosen.flatMap((c) => {
    const base = suggestDraftId(c.main, `draft-${input.source}-${c.rank}`);
    return [base, ...Array.from({ length: chosen.length + 8 }, (_, i) => `${base}-${i + 2}`)];
  });
  const existing = await db.selectFrom('claim').select('id').where('id', 'in', [...new Set(maybe)]).execute();
  const drafts = buildDrafts(chosen, { lang: analysis.lang, sourceId: input.source, today: options.today, taken: new Set(existing.map((r) => r.id)) });
  if (drafts.length === 1) return { fileName: drafts[0]!.fileName, contentType: 'text/markdown; charset=utf-8', body: strToU8(drafts[0]!.mdx) };
  const files = Object.fromEntries(drafts.map((d) => [`claims/${d.fileName}`, strToU8(d.mdx)]));
  return { fileName: `drafts-${input.source}.zip`, contentType: 'application/zip', body: zipSync(files, { mtime: new Date(`${options.today}T00:00:00Z`) }) };
}
