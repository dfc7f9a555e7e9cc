import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { MAX_QUERY_LENGTH, rankSearch } from '../search/rank';
import type { SearchIndex } from '../search/search-index';
import { scoreSentence } from './features';
import type { Candidate } from './group';
import { diceSimilarity, termSet } from './similarity';

/**
 * Is a candidate already in the ledger? The search index proposes claims (each of the
 * candidate's first passages is a query; when no claim holds every term, search falls back to
 * claims holding most of them), then each proposal is read back and compared with the
 * candidate: term similarity of any passage with the claim's title, statement, original
 * passages or their translations, plus a bonus when they state the same figure. Search alone
 * would call any claim mentioning "AI" a match; similarity alone would scan the ledger.
 */

export interface LedgerMatch {
  claimId: string;
  title: string;
  /** 0–1: how closely the best pair of texts agree. */
  similarity: number;
}

export const MATCHING = {
  /** Passages of a candidate used as queries. */
  queriesPerCandidate: 3,
  /** Claims read back per query. */
  proposalsPerQuery: 6,
  /** At least this similarity makes a match. */
  threshold: 0.42,
  /** Added when the two state a distinctive figure in common (17 倍 = 17 times). */
  sharedFigureBonus: 0.2,
  /** At most this many matches are reported per candidate. */
  matchesPerCandidate: 3,
} as const;

function queryOf(text: string): string {
  return [...text].slice(0, MAX_QUERY_LENGTH).join('');
}

const distinctiveFigures = (text: string) => new Set(scoreSentence(text).figures.map((f) => f.canonical).filter((c): c is string => Boolean(c) && !c!.startsWith('n')));

/** Matches for each candidate (by rank); a candidate with none is new. Bounded: a few searches and one read per candidate. */
export async function matchCandidates(db: Kysely<Database>, index: SearchIndex, candidates: Candidate[]): Promise<Map<number, LedgerMatch[]>> {
  const out = new Map<number, LedgerMatch[]>();
  for (const c of candidates) {
    const queries = [c.main, ...c.passages.filter((p) => p !== c.main)].slice(0, MATCHING.queriesPerCandidate);
    const ids = new Set<string>();
    for (const p of queries) {
      const hits = rankSearch(index, queryOf(p.text), { kinds: ['claim'] }).claim.filter((h) => !index.claim.meta.get(h.id)?.withdrawn);
      for (const h of hits.slice(0, MATCHING.proposalsPerQuery)) ids.add(h.id);
    }
    if (!ids.size) {
      out.set(c.rank, []);
      continue;
    }
    const claims = await db
      .selectFrom('claim')
      .select(['id', 'title', 'statement', 'original_text', 'original_translation'])
      .where('id', 'in', [...ids])
      .where('is_withdrawn', '=', 0)
      .execute();
    const passages = await db.selectFrom('claim_passage').select(['claim_id', 'text', 'translation']).where('claim_id', 'in', [...ids]).execute();
    const texts = new Map<string, string[]>(claims.map((r) => [r.id, [r.title, r.statement, r.original_text, r.original_translation]]));
    for (const p of passages) texts.get(p.claim_id)?.push(p.text, p.translation);

    const mine = c.passages.map((p) => ({ terms: termSet(p.text), figures: new Set(p.figures.filter((f) => !f.startsWith('n'))) }));
    const matches: LedgerMatch[] = [];
    for (const r of claims) {
      let best = 0;
      for (const text of texts.get(r.id) ?? []) {
        const terms = termSet(text);
        const figures = distinctiveFigures(text);
        for (const m of mine) {
          const shared = [...m.figures].some((f) => figures.has(f));
          best = Math.max(best, Math.min(1, diceSimilarity(m.terms, terms) + (shared ? MATCHING.sharedFigureBonus : 0)));
        }
      }
      if (best >= MATCHING.threshold) matches.push({ claimId: r.id, title: r.title, similarity: Math.round(best * 100) / 100 });
    }
    matches.sort((a, b) => b.similarity - a.similarity || a.claimId.localeCompare(b.claimId));
    out.set(c.rank, matches.slice(0, MATCHING.matchesPerCandidate));
  }
  return out;
}
