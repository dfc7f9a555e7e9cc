import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyseArticle } from '../../lib/intake/analyse';
import { buildDrafts } from '../../lib/intake/draft';
import { formatOfFile, readArticle } from '../../lib/intake/input';
import { matchCandidates } from '../../lib/intake/match';
import { getEnv, resolveFromRoot } from '../../lib/env';
import { buildSearchIndex } from '../../lib/search/search-index';
import { UserFacingError } from '../../lib/shared/errors';
import { requireArg, UsageError, withDb, type Io } from '../context';

/**
 * `claims draft --from FILE --source ID [--lang L] [--top N] [--dir DIR]`: ranks the article's
 * candidates, says which the ledger already holds, and writes a draft record into claims/ for
 * each of the top N that it does not (never overwriting a file).
 */
export async function draftCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { from: { type: 'string' }, source: { type: 'string' }, lang: { type: 'string' }, top: { type: 'string' }, dir: { type: 'string' }, today: { type: 'string' } },
  });
  const file = requireArg(values.from, '--from FILE');
  const sourceId = values.source;
  if (!sourceId) throw new UsageError('missing --source ID: the record of the article (in db/seed/sources.json); a draft names it as the first appearance');
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 100) throw new UsageError(`--top must be a whole number from 1 to 100, not "${values.top}"`);
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError('--today must be a date: YYYY-MM-DD');
  const claimsDir = values.dir ? path.resolve(values.dir) : resolveFromRoot(getEnv().CLAIMS_DIR);

  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UserFacingError('invalid', `cannot read ${file}: check the path`, '--from');
  }
  const { text } = await readArticle({ bytes, format: formatOfFile(file), field: '--from' });
  const analysis = analyseArticle(text, values.lang ? { lang: values.lang } : {});

  return withDb(async (db) => {
    const source = await db.selectFrom('source').select('id').where('id', '=', sourceId).executeTakeFirst();
    if (!source) throw new UserFacingError('invalid', `no source "${sourceId}": add the article to db/seed/sources.json and run claims ingest first`, '--source');
    const worth = analysis.candidates.filter((c) => c.score > 0).slice(0, top);
    const matches = await matchCandidates(db, await buildSearchIndex(db), worth);
    io.out(`${file}: ${analysis.sentences.length} sentences, ${analysis.candidates.length} candidates, language ${analysis.lang}${analysis.langDetected ? ' (detected)' : ''}`);
    const fresh = [];
    for (const c of worth) {
      const found = matches.get(c.rank) ?? [];
      const features = c.features.map((f) => `${f.key}${f.weight > 0 ? '+' : ''}${f.weight}`).join(' ');
      io.out(`${String(c.rank).padStart(3)}. [${c.score}] ${c.main.text}`);
      io.out(`      ${features}${c.passages.length > 1 ? `; ${c.passages.length} passages` : ''}`);
      if (found.length) io.out(`      already in the ledger: ${found.map((m) => `${m.claimId} (${m.similarity})`).join(', ')}`);
      else fresh.push(c);
    }
    fs.mkdirSync(claimsDir, { recursive: true });
    const taken = new Set(fs.readdirSync(claimsDir).filter((f) => f.endsWith('.mdx')).map((f) => f.slice(0, -4)));
    const drafts = buildDrafts(fresh, { lang: analysis.lang, sourceId, today, taken });
    for (const d of drafts) {
      // 'wx': a file that appeared meanwhile is never overwritten.
      fs.writeFileSync(path.join(claimsDir, d.fileName), d.mdx, { flag: 'wx' });
      io.out(`wrote ${path.relative(process.cwd(), path.join(claimsDir, d.fileName))} (status: draft)`);
    }
    io.out(`${drafts.length} drafts written, ${worth.length - fresh.length} already in the ledger. Finish each draft, then set status: published.`);
    return 0;
  });
}
