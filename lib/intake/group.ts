import { FEATURE_WEIGHTS, type FeatureHit } from './features';
import { diceSimilarity, termSet } from './similarity';

/**
 * Restatements: an article states its central figure in the headline, the lead and the body.
 * Those sentences become one candidate with several passages, so the desk drafts one record
 * quoting all of them, not three records. Two sentences restate each other when they share
 * two distinctive figures (17 倍 and 4 倍), one figure and some wording, or most of their
 * wording (an image caption repeating a paragraph).
 */

export interface ScoredSentence {
  index: number;
  text: string;
  paragraph: number;
  headline: boolean;
  score: number;
  features: FeatureHit[];
  /** Canonical figures (x17, %34, $5e8, pp2, n220). */
  figures: string[];
}

export interface Candidate {
  /** Rank from 1, after sorting by score. */
  rank: number;
  score: number;
  /** The highest-scoring sentence: what the candidate is about. */
  main: ScoredSentence;
  /** The main sentence's features, plus `restated` when the group has several passages: what the score sums. */
  features: FeatureHit[];
  /** Every sentence of the group in article order (the main one among them). */
  passages: ScoredSentence[];
}

/** Thresholds of the grouping rule (Dice similarity of search terms). */
export const GROUPING = { withOneSharedFigure: 0.2, withoutSharedFigure: 0.6 } as const;

// Plain numbers (n…) are too common to tie sentences together on their own (一家, 19 世紀).
const distinctive = (figures: string[]) => new Set(figures.filter((f) => !f.startsWith('n')));

export function areRestatements(a: { figures: string[]; terms: Set<string> }, b: { figures: string[]; terms: Set<string> }): boolean {
  const fa = distinctive(a.figures);
  let shared = 0;
  for (const f of distinctive(b.figures)) if (fa.has(f)) shared++;
  const sim = diceSimilarity(a.terms, b.terms);
  return shared >= 2 || (shared === 1 && sim >= GROUPING.withOneSharedFigure) || sim >= GROUPING.withoutSharedFigure;
}

/** Groups restatements and ranks the groups: score (highest first), then article order. */
export function groupCandidates(input: ScoredSentence[]): Candidate[] {
  // Article order, whatever order they came in: ties then go to the earlier sentence.
  const sentences = [...input].sort((a, b) => a.index - b.index);
  const parent = sentences.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const prepared = sentences.map((s) => ({ figures: s.figures, terms: termSet(s.text) }));
  for (let i = 0; i < sentences.length; i++) {
    // Sentences with nothing to check (score ≤ 0) are never a passage of someone else's claim.
    if (sentences[i]!.score <= 0) continue;
    for (let j = i + 1; j < sentences.length; j++) {
      if (sentences[j]!.score <= 0) continue;
      if (find(i) !== find(j) && areRestatements(prepared[i]!, prepared[j]!)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, ScoredSentence[]>();
  sentences.forEach((s, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), s]);
  });
  const candidates = [...groups.values()].map((passages) => {
    const main = passages.reduce((best, s) => (s.score > best.score ? s : best));
    const restated: FeatureHit[] = passages.length > 1 ? [{ key: 'restated', weight: FEATURE_WEIGHTS.restated, matches: [`${passages.length} passages`] }] : [];
    const features = [...main.features, ...restated];
    const score = Math.round(features.reduce((s, f) => s + f.weight, 0) * 100) / 100;
    return { rank: 0, score, main, features, passages };
  });
  candidates.sort((a, b) => b.score - a.score || a.passages[0]!.index - b.passages[0]!.index);
  candidates.forEach((c, i) => (c.rank = i + 1));
  return candidates;
}
