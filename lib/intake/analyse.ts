import { scoreSentence } from './features';
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
  const sentences = splitSentences(text, lang).map((s) => {
    const scored = scoreSentence(s.text, { headline: s.headline });
    return { ...s, score: scored.score, features: scored.features, figures: scored.figures.map((f) => f.canonical).filter((c): c is string => c !== null) };
  });
  return { lang, langDetected: options.lang === undefined, sentences, candidates: groupCandidates(sentences) };
}
