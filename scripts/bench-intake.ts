/**
 * Ranking quality of intake on the labelled sets (tests/fixtures/intake): precision@10 and
 * recall@20 per article. Run: npm run bench:intake
 */
import path from 'node:path';
import { analyseArticle } from '../lib/intake/analyse';
import { loadLabelledSets, measureRanking } from '../lib/intake/labelled-set';

const repo = path.resolve(import.meta.dirname, '..');
for (const set of loadLabelledSets(repo)) {
  const analysis = analyseArticle(set.text, { lang: set.lang });
  const q = measureRanking(set, analysis.candidates);
  const unlabelled = analysis.sentences.filter((s) => !set.sentences.some((l) => l.text === s.text)).length;
  console.log(
    `${set.name}: precision@10 ${q.precisionAt10.toFixed(2)}  recall@20 ${q.recallAt20.toFixed(2)} (${q.positives} ${set.recallOver === 'claims' ? 'recorded claims' : 'checkable sentences'}; ` +
      `${analysis.sentences.length} sentences, ${analysis.candidates.length} candidates${unlabelled ? `, ${unlabelled} sentences without a label` : ''})`,
  );
  if (q.missed.length) console.log(`  not in the top 20: ${q.missed.map((m) => (m.length > 40 ? `${m.slice(0, 40)}…` : m)).join('; ')}`);
}
