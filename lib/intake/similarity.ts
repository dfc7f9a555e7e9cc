import { encodeSearchText } from '../search/encode';

/**
 * How much two passages say in the same words: the Dice coefficient of their search terms
 * (lib/search/encode: CJK bigrams, folded Latin words, numbers with their units), so that
 * grouping and ledger matching read text exactly as search does.
 */
export function termSet(text: string): Set<string> {
  return new Set(encodeSearchText(text));
}

export function diceSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}
