import fs from 'node:fs/promises';
import path from 'node:path';
import { confidenceNoteSeedSchema } from '../confidence/schema';
import { evidenceSeedSchema } from '../evidence/schema';
import { parseSeedFile } from '../seed/parse';
import type { Problem } from '../shared/problems';
import { sourceSeedSchema } from '../sources/schema';
import { fileIdFromPath, parseClaimFile, type ParsedClaim } from './parse';
import { validateCorpus, type Corpus } from './validate';

export interface CheckOptions {
  claimsDir: string;
  seedDir: string;
  /** Paths in problem reports are shown relative to this folder. */
  displayRoot?: string;
  onProgress?: (done: number, total: number) => void;
}

export type CheckResult = { ok: true; corpus: Corpus } | { ok: false; problems: Problem[] };

export const SEED_FILES = {
  sources: 'sources.json',
  evidence: 'evidence.json',
  notes: 'confidence-notes.json',
} as const;

async function readOptional(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '[]';
    throw error;
  }
}

/**
 * Reads and checks every claim file and the seed data. Writes nothing.
 * The I/O edge of the pipeline: parsing and validation below it are pure.
 */
export async function checkClaimsAndSeed(options: CheckOptions): Promise<CheckResult> {
  const display = (file: string) => path.relative(options.displayRoot ?? process.cwd(), file) || file;
  const problems: Problem[] = [];

  let names: string[];
  try {
    names = (await fs.readdir(options.claimsDir)).filter((n) => n.endsWith('.mdx')).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problems: [{ file: display(options.claimsDir), line: 1, column: 1, field: '', message: `cannot read the claims folder (${code}): check --dir or CLAIMS_DIR` }],
    };
  }

  const claims: ParsedClaim[] = [];
  const unparsedClaimIds: string[] = [];
  for (const [i, name] of names.entries()) {
    const file = path.join(options.claimsDir, name);
    const result = await parseClaimFile({ path: display(file), source: await fs.readFile(file, 'utf8') });
    if (result.ok) claims.push(result.claim);
    else {
      problems.push(...result.problems);
      unparsedClaimIds.push(fileIdFromPath(name));
    }
    options.onProgress?.(i + 1, names.length);
  }

  const seedPath = (name: string) => path.join(options.seedDir, name);
  const sources = parseSeedFile(display(seedPath(SEED_FILES.sources)), await readOptional(seedPath(SEED_FILES.sources)), sourceSeedSchema);
  const evidence = parseSeedFile(display(seedPath(SEED_FILES.evidence)), await readOptional(seedPath(SEED_FILES.evidence)), evidenceSeedSchema);
  const notes = parseSeedFile(display(seedPath(SEED_FILES.notes)), await readOptional(seedPath(SEED_FILES.notes)), confidenceNoteSeedSchema);
  problems.push(...sources.problems, ...evidence.problems, ...notes.problems);

  const corpus: Corpus = { claims, unparsedClaimIds, sources: sources.file, evidence: evidence.file, notes: notes.file };
  problems.push(...validateCorpus(corpus));

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, corpus };
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
