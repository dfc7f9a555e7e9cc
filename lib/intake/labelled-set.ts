import fs from 'node:fs';
import path from 'node:path';
import type { Candidate } from './group';

/**
 * The labelled intake sets (tests/fixtures/intake): the seed article with every sentence
 * labelled from the claim records, and English articles on the same story labelled by hand
 * from short excerpts. Shared by the bench (npm run bench:intake) and the tests.
 */

export interface LabelledSentence {
  text: string;
  checkable: boolean;
  /** Ledger claims the sentence states (may be empty for a checkable sentence not in the ledger). */
  claims: string[];
}

export interface LabelledArticle {
  name: string;
  lang: string;
  url: string | null;
  text: string;
  sentences: LabelledSentence[];
  /** What recall counts: claim ids for an article the ledger records, else checkable sentences. */
  recallOver: 'claims' | 'sentences';
}

interface SeedFile {
  article: string;
  lang: string;
  sentences: Array<{ text: string; checkable: boolean; claims: string[] }>;
}
interface ExcerptFile {
  url: string;
  lang: string;
  sentences: Array<{ excerpt: string; checkable: boolean; claims?: string[] }>;
}

export function loadLabelledSets(repo: string): LabelledArticle[] {
  const dir = path.join(repo, 'tests', 'fixtures', 'intake');
  const out: LabelledArticle[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.labels.json')).sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as SeedFile | ExcerptFile;
    const name = file.replace(/\.labels\.json$/, '');
    if ('article' in json) {
      out.push({ name, lang: json.lang, url: null, text: fs.readFileSync(path.join(repo, json.article), 'utf8'), sentences: json.sentences, recallOver: 'claims' });
    } else {
      const sentences = json.sentences.map((s) => ({ text: s.excerpt, checkable: s.checkable, claims: s.claims ?? [] }));
      // One excerpt a line: the first is the headline, as in the article.
      out.push({ name, lang: json.lang, url: json.url, text: sentences.map((s) => s.text).join('\n'), sentences, recallOver: 'sentences' });
    }
  }
  return out;
}

export interface RankingQuality {
  precisionAt10: number;
  recallAt20: number;
  positives: number;
  /** What recall@20 missed (claim ids or sentence texts). */
  missed: string[];
}

/** precision@10: share of the top 10 candidates with a checkable passage; recall@20: share of positives in the top 20. */
export function measureRanking(set: LabelledArticle, candidates: Candidate[]): RankingQuality {
  const label = new Map(set.sentences.map((s) => [s.text, s]));
  const labelOf = (text: string) => label.get(text);
  const top10 = candidates.slice(0, 10);
  const good = top10.filter((c) => c.passages.some((p) => labelOf(p.text)?.checkable)).length;
  const top20 = candidates.slice(0, 20).flatMap((c) => c.passages.map((p) => labelOf(p.text)).filter((l): l is LabelledSentence => Boolean(l)));
  let positives: string[];
  let found: Set<string>;
  if (set.recallOver === 'claims') {
    positives = [...new Set(set.sentences.filter((s) => s.checkable).flatMap((s) => s.claims))].sort();
    found = new Set(top20.filter((l) => l.checkable).flatMap((l) => l.claims));
  } else {
    positives = [...new Set(set.sentences.filter((s) => s.checkable).map((s) => s.text))];
    found = new Set(top20.filter((l) => l.checkable).map((l) => l.text));
  }
  return {
    precisionAt10: top10.length ? good / top10.length : 0,
    recallAt20: positives.length ? positives.filter((p) => found.has(p)).length / positives.length : 1,
    positives: positives.length,
    missed: positives.filter((p) => !found.has(p)),
  };
}
