import { normalizeCaptureText } from '../quotes/normalize';

/**
 * An article as sentences, by `Intl.Segmenter` (Unicode sentence boundaries: it knows 。！？
 * as well as . ! ?, and leaves 1.5% and US$5,000 whole). The text between line breaks is a
 * paragraph; the first non-empty line is the headline, kept as one sentence whatever its
 * punctuation, since a headline's "|" or ":" joins one claim, not two. Sentence text is the
 * article's own characters (list bullets aside), so a draft quotes it verbatim.
 */

export interface ArticleSentence {
  /** Position in the article, from 0 (the headline). */
  index: number;
  text: string;
  /** Which paragraph (line) it is in, from 0. */
  paragraph: number;
  headline: boolean;
}

/** Longest article accepted (characters): bounds the work of one intake. */
export const MAX_ARTICLE_LENGTH = 200_000;
/** At most this many sentences are read from one article. */
export const MAX_SENTENCES = 3000;

// The segmenter breaks after these when a capital follows; they rarely end an English sentence.
const ABBREVIATIONS = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.', 'jr.', 'sr.', 'vs.', 'etc.', 'e.g.', 'i.e.', 'u.s.', 'u.k.', 'u.n.', 'no.', 'inc.', 'corp.',
  'co.', 'ltd.', 'gov.', 'sen.', 'rep.', 'gen.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
]);

/** "• item", "- item", "* item", "1. item": list markers are layout, not the sentence. */
const LIST_MARKER = /^(?:[•‧∙◦▪●○·\-*+–—]|\d{1,2}[.)])\s+/u;
/** A line of nothing but punctuation and symbols (a "·" byline separator) holds no sentence. */
const NO_WORDS = /^[\p{P}\p{S}\s]*$/u;

function segmenterLang(lang: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf([lang]).length ? lang : 'en';
  } catch {
    return 'en';
  }
}

function endsWithAbbreviation(text: string): boolean {
  const last = text.trimEnd().split(/\s+/).at(-1)?.toLowerCase() ?? '';
  return ABBREVIATIONS.has(last) || /^(?:\p{Lu}\.){1,3}$/u.test(text.trimEnd().split(/\s+/).at(-1) ?? '');
}

/** Splits one paragraph; pieces the segmenter cut too eagerly are joined again. */
export function splitParagraph(paragraph: string, lang = 'en'): string[] {
  const segmenter = new Intl.Segmenter(segmenterLang(lang), { granularity: 'sentence' });
  const out: string[] = [];
  for (const { segment } of segmenter.segment(paragraph)) {
    const piece = segment.trim();
    if (!piece) continue;
    const previous = out.at(-1);
    const join =
      previous !== undefined &&
      // "Dr. Smith", "U.S. Steel"; a closing quote followed by "he said"; a piece of bare punctuation.
      (endsWithAbbreviation(previous) || /^[\p{Ll}]/u.test(piece) || NO_WORDS.test(piece) ||
        // "5. 000" never happens in prose, but "v1. 5" style breaks between digits do: keep numbers whole.
        (/\d[.,]$/.test(previous) && /^\d/.test(piece)));
    if (join) out[out.length - 1] = `${previous} ${piece}`.replace(/\s+([\p{P}])$/u, '$1');
    else out.push(piece);
  }
  return out;
}

/** The article's sentences in order, the headline first. */
export function splitSentences(article: string, lang = 'en'): ArticleSentence[] {
  const lines = normalizeCaptureText(article.slice(0, MAX_ARTICLE_LENGTH)).split('\n');
  const out: ArticleSentence[] = [];
  let paragraph = -1;
  for (const raw of lines) {
    const line = raw.replace(LIST_MARKER, '').trim();
    if (!line || NO_WORDS.test(line)) continue;
    paragraph++;
    const pieces = out.length === 0 ? [line] : splitParagraph(line, lang);
    for (const text of pieces) {
      if (out.length >= MAX_SENTENCES) return out;
      out.push({ index: out.length, text, paragraph, headline: out.length === 0 });
    }
  }
  return out;
}
