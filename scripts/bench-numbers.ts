/**
 * The numbers benchmark (not a test):  npm run bench:numbers [-- --claims 10000]
 *
 * What drawing charts at write time costs. It generates the 10,000-claim ledger of
 * scripts/scale/ledger-generator.ts, gives every generated claim a figure (copies of the real
 * numeric claims' quantities, so that all of them are numeric claims with evidence to compare),
 * and then, in the same run and on the same store, rebuilds all derived state (what ingest and
 * every write refresh) twice: once without the chart drawing, once with it. It prints both
 * times and their ratio, and the drawing cost per numeric claim.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { sql } from 'kysely';
import { createSqliteDb } from '../db/client';
import { withWriteTransaction } from '../db/transaction';
import { rebuildDerivedState } from '../lib/history/derived-state';
import { prepareStoreOrThrow } from '../lib/history/prepare-store';
import { loadTemplates, populateScaleStore } from './scale/ledger-generator';

const args = process.argv.slice(2);
const CLAIMS = Number(args.includes('--claims') ? args[args.indexOf('--claims') + 1] : 10_000);
const ROUNDS = Number(args.includes('--rounds') ? args[args.indexOf('--rounds') + 1] : 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-ledger-bench-numbers-'));
const db = createSqliteDb(path.join(dir, 'ledger.sqlite'));

const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;

try {
  await prepareStoreOrThrow(db);
  const templates = await loadTemplates();
  const numeric = templates.claims.filter((t) => t.frontmatter.quantity);
  let started = performance.now();
  await populateScaleStore(db, CLAIMS, templates);
  console.log(`generated ${CLAIMS.toLocaleString('en')} claims in ${ms(performance.now() - started)}`);
  // Every claim a numeric one: a claim without a figure takes one of a real numeric claim, and
  // its evidence figures take that measure and unit (their values stay the generated ones).
  await withWriteTransaction(db, async (trx) => {
    const ids = (await trx.selectFrom('claim').select('id').where('quantity_unit', 'is', null).orderBy('id').execute()).map((r) => r.id);
    for (let i = 0; i < ids.length; i++) {
      const q = numeric[i % numeric.length]!.frontmatter.quantity!;
      await trx
        .updateTable('claim')
        .set({ quantity_value: q.value ?? null, quantity_low: q.low ?? null, quantity_high: q.high ?? null, quantity_unit: q.unit, quantity_measure: q.measure, quantity_as_of: q.as_of ?? null })
        .where('id', '=', ids[i]!)
        .execute();
      await trx.updateTable('evidence').set({ unit: q.unit, measure: q.measure }).where('claim_id', '=', ids[i]!).where('value', 'is not', null).execute();
    }
  });
  const n = Number((await sql<{ n: number }>`select count(*) as n from claim where quantity_unit is not null and is_withdrawn = 0`.execute(db)).rows[0]!.n);

  const rebuild = async (skipCharts: boolean) => {
    const t = performance.now();
    await withWriteTransaction(db, (trx) => rebuildDerivedState(trx, { numbers: { skipCharts } }));
    return performance.now() - t;
  };
  // A warm-up (caches, JIT), then the measured runs, alternating.
  await rebuild(true);
  const without: number[] = [];
  const withCharts: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    without.push(await rebuild(true));
    withCharts.push(await rebuild(false));
  }
  const best = (xs: number[]) => Math.min(...xs);
  const charts = Number((await sql<{ n: number }>`select count(*) as n from claim_number where chart_svg <> ''`.execute(db)).rows[0]!.n);
  started = best(withCharts) - best(without);
  console.log(`numeric claims: ${n.toLocaleString('en')}, charts stored: ${charts.toLocaleString('en')}`);
  console.log(`derived state (what ingest refreshes), without charts: ${ms(best(without))}`);
  console.log(`derived state, with charts drawn:                      ${ms(best(withCharts))}`);
  console.log(`ratio with / without charts: ${(best(withCharts) / best(without)).toFixed(2)}×  (drawing: ${(started / Math.max(charts, 1)).toFixed(2)} ms per chart)`);
} finally {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
