import { LICENCE_NOTICE, scoreSentence } from './features';
import { groupCandidates, type Candidate, type ScoredSentence } from './group';
import { detectLanguage } from './language';
import { splitSentences } from './split';

/** An article read for intake: its sentences scored, and its candidates ranked. Pure: no I/O. */
export interface ArticleAnalysis {
  lang: string;
  /** True when the language was detected rather than given. */
  langDetected: boolean;
  sentences: ScoredSentence[];
  candidates: Candidate[];
}

export function analyseArticle(text: string, options: { lang?: string } = {}): ArticleAnalysis {
  const lang = options.lang ?? detectLanguage(text);
  const split = splitSentences(text, lang);
  // A licence notice in the second half ends the article: the lines after it are the page's footer.
  const notice = split.findIndex((s, i) => i >= split.length / 2 && LICENCE_NOTICE.test(s.text));
  const sentences = split.map((s) => {
    const scored = scoreSentence(s.text, { headline: s.headline, footer: notice >= 0 && s.index > notice });
    return { ...s, score: scored.score, features: scored.features, figures: scored.figures.map((f) => f.canonical).filter((c): c is string => c !== null) };
  });
  return { lang, langDetected: options.lang === undefined, sentences, candidates: groupCandidates(sentences) };
}
