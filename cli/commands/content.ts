import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatestOrThrow } from '../../db/migrator';
import { checkClaimsAndSeed } from '../../lib/claims/check';
import { runIngest, type IngestReport } from '../../lib/claims/ingest';
import { createDb } from '../../db/client';
import { getDatabaseTarget, getEnv, repoRoot, resolveFromRoot } from '../../lib/env';
import { formatProblem, type Problem } from '../../lib/shared/problems';
import { withDb, type Io } from '../context';

function dirsFrom(values: { dir?: string; 'seed-dir'?: string }) {
  return {
    claimsDir: values.dir ? path.resolve(values.dir) : resolveFromRoot(getEnv().CLAIMS_DIR),
    seedDir: values['seed-dir'] ? path.resolve(values['seed-dir']) : path.join(repoRoot, 'db', 'seed'),
  };
}

function progress(io: Io) {
  return (done: number, total: number) => {
    if (total >= 200 && (done % 100 === 0 || done === total)) io.err(`checked ${done}/${total} claim files`);
  };
}

function summarise(report: IngestReport): string[] {
  const ids = (list: string[]) => (list.length && list.length <= 10 ? ` (${list.join(', ')})` : '');
  const lines = [
    `claims: ${report.added.length} added${ids(report.added)}, ${report.updated.length} updated${ids(report.updated)}, ` +
      `${report.unchanged.length} unchanged, ${report.withdrawn.length} withdrawn${ids(report.withdrawn)}`,
  ];
  for (const [label, outcomes] of [
    ['sources', report.seed.sources],
    ['evidence', report.seed.evidence],
    ['confidence notes', report.seed.notes],
  ] as const) {
    lines.push(
      `${label}: ${outcomes.added.length} added, ${outcomes.updated.length} updated, ${outcomes.unchanged.length} unchanged` +
        (outcomes['kept-edited'].length ? `, ${outcomes['kept-edited'].length} kept (edited since seeded: ${outcomes['kept-edited'].join(', ')})` : '') +
        (outcomes['kept-user-row'].length ? `, ${outcomes['kept-user-row'].length} kept (id taken by a user-created row: ${outcomes['kept-user-row'].join(', ')})` : '') +
        (outcomes['kept-append-only'].length ? `, ${outcomes['kept-append-only'].length} kept (append-only; add a new note id: ${outcomes['kept-append-only'].join(', ')})` : ''),
    );
  }
  lines.push(`time: ${report.ms.toFixed(0)} ms`);
  return lines;
}

export async function migrateCommand(args: string[], io: Io): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const db = createDb(getDatabaseTarget());
  try {
    const applied = await migrateToLatestOrThrow(db);
    io.out(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.destroy();
  }
  return 0;
}

export async function checkOrIngestCommand(command: 'check' | 'ingest', args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { dir: { type: 'string' }, 'seed-dir': { type: 'string' } }, strict: true });
  const options = { ...dirsFrom(values), onProgress: progress(io) };
  const reportProblems = (problems: Problem[]) => {
    for (const p of problems) io.err(formatProblem(p));
    io.err(`${problems.length} problem${problems.length === 1 ? '' : 's'} found${command === 'ingest' ? '; nothing was written' : ''}`);
    return 1;
  };
  if (command === 'check') {
    const result = await checkClaimsAndSeed(options);
    if (!result.ok) return reportProblems(result.problems);
    const { corpus } = result;
    io.out(
      `ok: ${corpus.claims.length} claims, ${corpus.sources.items.length} sources, ` +
        `${corpus.evidence.items.length} evidence entries, ${corpus.notes.items.length} confidence notes`,
    );
    return 0;
  }
  return withDb(async (db) => {
    const result = await runIngest(db, options);
    if (!result.ok) return reportProblems(result.problems);
    for (const line of summarise(result.report)) io.out(line);
    return 0;
  });
}

