import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareStoreOrThrow } from '../../lib/history/prepare-store';
import { checkClaimsAndSeed, type CheckTimings } from '../../lib/claims/check';
import { ingestCorpus, type IngestReport } from '../../lib/claims/ingest';
import { createDb, createPostgresDb, createSqliteDb, type Db } from '../../db/client';
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
  lines.push(timeLine(report.parsed, report.timings));
  return lines;
}

/** The whole process's time (start-up included: performance.now() counts from process start) and its split. */
function timeLine(parsed: number, t: CheckTimings & { writeMs?: number }): string {
  const ms = (n: number) => `${Math.round(n)} ms`;
  const split = [`scan ${ms(t.scanMs)}`, `read ${ms(t.readMs)}`, `parse and compile ${ms(t.parseMs)} (${parsed} file${parsed === 1 ? '' : 's'})`, `validate ${ms(t.validateMs)}`];
  if (t.writeMs !== undefined) split.push(`write ${ms(t.writeMs)}`);
  return `time: ${ms(performance.now())} in all, start-up included (${split.join(', ')})`;
}

/** Where each changed file comes from in git, for the claim revisions: at most a few calls. */
function gitProvenance(files: string[]): (file: string) => string | null {
  const git = (cwd: string, args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  if (files.length === 0) return () => null;
  const dir = path.dirname(files[0]!);
  if (files.length > 20) {
    const head = git(dir, ['log', '-1', '--format=%h by %an']);
    return () => (head ? `ingested at git commit ${head}` : null);
  }
  const known = new Map<string, string | null>();
  for (const file of files) {
    const last = git(path.dirname(file), ['log', '-1', '--format=%h by %an', '--', path.basename(file)]);
    const dirty = git(path.dirname(file), ['status', '--porcelain', '--', path.basename(file)]);
    known.set(file, last === null ? null : dirty ? `uncommitted changes (last git commit ${last || 'none'})` : `git commit ${last}`);
  }
  return (file) => known.get(file) ?? null;
}

/** The store a check compares against, read-only; null when there is none yet (then the check is full). */
async function openStoreForCheck(): Promise<Db | null> {
  const target = getDatabaseTarget();
  if (target.kind === 'sqlite' && !fs.existsSync(target.filename)) return null;
  const db = target.kind === 'sqlite' ? createSqliteDb(target.filename, { readonly: true }) : createPostgresDb(target.url, { max: 2 });
  try {
    await db.selectFrom('ingest_file').select('path').limit(1).execute();
    return db;
  } catch {
    await db.destroy(); // not migrated yet: nothing ingested to compare against
    return null;
  }
}

export async function migrateCommand(args: string[], io: Io): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const db = createDb(getDatabaseTarget());
  try {
    const applied = await prepareStoreOrThrow(db);
    io.out(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.destroy();
  }
  return 0;
}

export async function checkOrIngestCommand(command: 'check' | 'ingest', args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { dir: { type: 'string' }, 'seed-dir': { type: 'string' }, full: { type: 'boolean' }, as: { type: 'string' } },
    strict: true,
  });
  const options = { ...dirsFrom(values), onProgress: progress(io), full: values.full ?? false };
  const reportProblems = (problems: Problem[]) => {
    for (const p of problems) io.err(formatProblem(p));
    io.err(`${problems.length} problem${problems.length === 1 ? '' : 's'} found${command === 'ingest' ? '; nothing was written' : ''}`);
    return 1;
  };
  if (command === 'check') {
    const store = options.full ? null : await openStoreForCheck();
    try {
      const result = await checkClaimsAndSeed({ ...options, store });
      if (!result.ok) return reportProblems(result.problems);
      const { corpus } = result;
      io.out(
        `ok: ${corpus.counts.claims} claims, ${corpus.counts.sources} sources, ` +
          `${corpus.counts.evidence} evidence entries, ${corpus.counts.notes} confidence notes` +
          (store ? ` (${corpus.parsed} claim file${corpus.parsed === 1 ? '' : 's'} changed since the last ingest, checked with the store)` : ''),
      );
      io.out(timeLine(corpus.parsed, corpus.timings));
      return 0;
    } finally {
      await store?.destroy();
    }
  }
  return withDb(async (db) => {
    const result = await checkClaimsAndSeed({ ...options, store: db });
    if (!result.ok) return reportProblems(result.problems);
    const changedIds = new Set(result.corpus.claims.map((c) => c.frontmatter.id));
    const changedFiles = result.corpus.files.filter((f) => f.claimId && changedIds.has(f.claimId)).map((f) => f.path);
    const report = await ingestCorpus(db, result.corpus, { actor: values.as ?? 'ingest', provenanceOf: gitProvenance(changedFiles) });
    for (const line of summarise(report)) io.out(line);
    return 0;
  });
}

