import { readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { confidenceNoteSeedSchema, type ConfidenceNoteSeed } from '../confidence/schema';
import { evidenceSeedSchema, type EvidenceSeed } from '../evidence/schema';
import { readSeedCaptures, type CaptureSeed } from '../captures/seed';
import { parseSeedFile, type SeedFile } from '../seed/parse';
import { hashContent } from '../shared/hash';
import { PositionedDocument, type Problem } from '../shared/problems';
import { sourceSeedSchema, type SourceSeed } from '../sources/schema';
import { startFolderScanOrThrow, type FolderScan } from './folder-scan';
import type { FolderSnapshot } from './folder-snapshot';
import { EMPTY_INGEST_STATE, findClaimsReferencing, readIngestState, readSeedSourceIds, readStoredFileDetails, type StoredFileDetails, type StoredIngestState } from './ingest-state';
import { fileIdFromPath, type ParsedClaim } from './parse';
import { parseClaimFiles } from './parse-pool';
import { seedViewOf, validateCorpus, type SeedView } from './validate';

export interface CheckOptions {
  claimsDir: string;
  seedDir: string;
  /** Paths in problem reports are shown relative to this folder. */
  displayRoot?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * The store the last ingest wrote: files whose size and mtime it remembers are not read,
   * and files whose content hash it remembers are not parsed. Without it, or with `full`,
   * everything is read and checked.
   */
  store?: Kysely<Database> | null;
  full?: boolean;
}

/** A file as read in this run, for the store's file index. */
export interface FileRecord {
  path: string;
  size: number;
  mtimeMs: number;
  contentHash: string;
  claimId: string | null;
  /** For a seed file, the ids it defines. */
  defines?: string[] | null;
}

export interface CheckTimings {
  /** Listing and stating the folder, with the read of the store's record of it (they overlap). */
  scanMs: number;
  /** Reading and hashing the files that moved, and the seed files. */
  readMs: number;
  parseMs: number;
  validateMs: number;
}

/** What a check found, and what an ingest of it would write. */
export interface Corpus {
  /** Claim files whose content is not what the store holds (all of them in a full check). */
  claims: ParsedClaim[];
  /** Every claim id defined by a file now. */
  presentClaimIds: Set<string>;
  /** Files read in this run (changed content, or only a new mtime), for the file index. */
  files: FileRecord[];
  /** Files of this folder in its stored snapshot that are gone. */
  removedPaths: string[];
  /** The claims folder as this run found it, for the store's snapshot; `changed` if it differs from the stored one. */
  folder: { path: string; snapshot: FolderSnapshot; changed: boolean };
  /** Seed files that changed since the last ingest (all of them in a full check); null when unchanged. */
  sources: SeedFile<SourceSeed> | null;
  evidence: SeedFile<EvidenceSeed> | null;
  notes: SeedFile<ConfidenceNoteSeed> | null;
  /** Archived copies shipped as seed data (db/seed/captures.json), read in full each run: they are few. */
  captures: CaptureSeed[];
  counts: { claims: number; sources: number; evidence: number; notes: number };
  /** Claim files read and parsed, out of those present. */
  parsed: number;
  /** The store's claims as the check read them, and its data version then; null for a full check. */
  storedClaims: Pick<StoredIngestState, 'claims' | 'dataVersion'> | null;
  timings: CheckTimings;
}

/** A full check's corpus: every claim file and every seed file, parsed. */
export interface FullCorpus extends Corpus {
  sources: SeedFile<SourceSeed>;
  evidence: SeedFile<EvidenceSeed>;
  notes: SeedFile<ConfidenceNoteSeed>;
}

export type CheckResult<C extends Corpus = Corpus> = { ok: true; corpus: C } | { ok: false; problems: Problem[] };

export const SEED_FILES = {
  sources: 'sources.json',
  evidence: 'evidence.json',
  notes: 'confidence-notes.json',
} as const;

type SeedKind = keyof typeof SEED_FILES;

/** A claim file whose size or mtime is not what the store's snapshot of the folder says. */
interface Listing {
  /** Its place in the folder's listing. */
  index: number;
  name: string;
  file: string;
  size: number;
  mtimeMs: number;
  /** The claim it defined at the last ingest, if it was there then. */
  knownId: string | null;
}

/** A stat, synchronously: 10,000 of them in a loop cost tens of milliseconds, awaited one by one far more. */
function statFile(file: string): { size: number; mtimeMs: number } | null {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? { size: s.size, mtimeMs: s.mtimeMs } : null;
}

/**
 * Reads and checks the claim files and the seed data; writes nothing. The I/O edge of the
 * pipeline (parsing and validation below it are pure). With a store it is incremental: an
 * unchanged file costs a stat; cross-file checks run against what the store holds plus the
 * changed files, and the files that name something now gone are parsed and checked again.
 */
export function checkClaimsAndSeed(options: CheckOptions & { store?: null }): Promise<CheckResult<FullCorpus>>;
export function checkClaimsAndSeed(options: CheckOptions): Promise<CheckResult>;
export async function checkClaimsAndSeed(options: CheckOptions): Promise<CheckResult> {
  const display = (file: string) => path.relative(options.displayRoot ?? process.cwd(), file) || file;
  const timings: CheckTimings = { scanMs: 0, readMs: 0, parseMs: 0, validateMs: 0 };
  let t = performance.now();
  const lap = (key: keyof CheckTimings) => {
    const now = performance.now();
    timings[key] += now - t;
    t = now;
  };

  const claimsDir = path.resolve(options.claimsDir);
  // The stats run (shared with a worker, for a large folder) while the store's record of the
  // folder is read.
  let scan: FolderScan;
  try {
    scan = startFolderScanOrThrow(claimsDir, '.mdx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problems: [{ file: display(options.claimsDir), line: 1, column: 1, field: '', message: `cannot read the claims folder (${code}): check --dir or CLAIMS_DIR` }] };
  }
  const seedPath = (kind: SeedKind) => path.join(options.seedDir, SEED_FILES[kind]);
  const seedFiles = (Object.keys(SEED_FILES) as SeedKind[]).map((kind) => path.resolve(seedPath(kind)));
  // The store this check compares with: none for a full check.
  const compareWith = options.full ? null : (options.store ?? null);
  const stored: StoredIngestState = compareWith ? await readIngestState(compareWith, { claimsDir, seedFiles }) : EMPTY_INGEST_STATE;
  const { names, sizes, mtimes } = await scan.finish();
  // Joined and shown by prefix: path.join and path.relative for each of 100,000 files were a
  // tenth of an incremental check's time, for the same strings.
  const claimsDirPrefix = claimsDir.endsWith(path.sep) ? claimsDir : `${claimsDir}${path.sep}`;
  const shownDir = path.relative(options.displayRoot ?? process.cwd(), claimsDir);
  const shownPrefix = shownDir ? `${shownDir}${path.sep}` : '';
  // The listing and the stored snapshot are both sorted the same way: one merge compares them.
  // An unchanged file is a claim id and a name: its paths are made only when one is needed.
  const unchangedNames = new Map<string, string>(); // claim id → file name, for files not parsed
  const claimIdsNow: (string | null)[] = new Array(names.length).fill(null); // filled in below for every file that parses
  const changedOnDisk: Listing[] = [];
  const removedPaths: string[] = [];
  const before = stored.folder;
  let j = 0;
  names.forEach((name, i) => {
    while (j < before.names.length && before.names[j]! < name) removedPaths.push(`${claimsDirPrefix}${before.names[j++]!}`);
    const known = j < before.names.length && before.names[j] === name ? j++ : -1;
    const knownId = known >= 0 ? stored.folderClaimIds[known]! : null;
    if (knownId !== null && before.sizes[known] === sizes[i] && before.mtimes[known] === mtimes[i] && stored.claims.get(knownId)?.withdrawn === false) {
      unchangedNames.set(knownId, name);
      claimIdsNow[i] = knownId;
    } else changedOnDisk.push({ index: i, name, file: `${claimsDirPrefix}${name}`, size: sizes[i]!, mtimeMs: mtimes[i]!, knownId });
  });
  while (j < before.names.length) removedPaths.push(`${claimsDirPrefix}${before.names[j++]!}`);
  lap('scanMs');

  // Read what changed on disk; parse what changed in content.
  const details = compareWith ? await readStoredFileDetails(compareWith, [...changedOnDisk.filter((l) => l.knownId !== null).map((l) => l.file), ...seedFiles.filter((f) => stored.seedFiles.has(f))]) : new Map<string, StoredFileDetails>();
  const files: FileRecord[] = [];
  const toParse: { listing: Listing; text: string; hash: string }[] = [];
  for (const l of changedOnDisk) {
    const text = readFileSync(l.file, 'utf8');
    const hash = hashContent(text.replace(/^\uFEFF/, ''));
    if (l.knownId !== null && details.get(l.file)?.contentHash === hash && stored.claims.get(l.knownId)?.withdrawn === false) {
      // Touched, not changed: only the file index learns the new mtime.
      files.push({ path: l.file, size: l.size, mtimeMs: l.mtimeMs, contentHash: hash, claimId: l.knownId });
      unchangedNames.set(l.knownId, l.name);
      claimIdsNow[l.index] = l.knownId;
      continue;
    }
    toParse.push({ listing: l, text, hash });
  }
  lap('readMs');

  const problems: Problem[] = [];
  const parseInputs = toParse.map((p) => ({ path: display(p.listing.file), source: p.text }));
  const results = await parseClaimFiles(parseInputs, options.onProgress);
  const claims: ParsedClaim[] = [];
  const unparsedClaimIds: string[] = [];
  results.forEach((result, i) => {
    const p = toParse[i]!;
    if (result.ok) {
      claims.push(result.claim);
      files.push({ path: p.listing.file, size: p.listing.size, mtimeMs: p.listing.mtimeMs, contentHash: p.hash, claimId: result.claim.frontmatter.id });
      claimIdsNow[p.listing.index] = result.claim.frontmatter.id;
    } else {
      problems.push(...result.problems);
      unparsedClaimIds.push(fileIdFromPath(p.listing.name));
    }
  });
  lap('parseMs');

  // Seed files: parsed with positions when changed, else read plainly for the cross-file checks.
  const seedChanged = async (kind: SeedKind): Promise<{ text: string; record: FileRecord | null } | null> => {
    const file = path.resolve(seedPath(kind));
    const s = statFile(file);
    if (!s) return stored.seedFiles.has(file) || !compareWith ? { text: '[]', record: null } : null;
    const known = stored.seedFiles.get(file);
    if (known && known.size === s.size && known.mtimeMs === s.mtimeMs) return null;
    const text = await fs.readFile(file, 'utf8');
    const record: FileRecord = { path: file, size: s.size, mtimeMs: s.mtimeMs, contentHash: hashContent(text), claimId: null, defines: details.get(file)?.defines ?? null };
    if (known && details.get(file)?.contentHash === record.contentHash) {
      files.push(record);
      return null;
    }
    return { text, record };
  };
  /**
   * An unchanged seed file: read plainly, as its records' references may name what is gone
   * now. Sources are the exception: their citations name sources of the same file, checked
   * when it last changed, so its ids (kept in the file index) are all a check needs of it.
   */
  const unchangedSeed = async <T extends { id: string }>(kind: SeedKind): Promise<SeedView<T>> => {
    const file = path.resolve(seedPath(kind));
    const known = stored.seedFiles.get(file);
    const knownDetails = details.get(file);
    if (kind === 'sources' && knownDetails?.defines) return idsOnlySeedView<T>(display(seedPath(kind)), knownDetails.defines);
    const view = await plainSeedView<T>(display(seedPath(kind)), seedPath(kind));
    // Indexed before the ids were kept: the next check takes them from the index.
    if (known && knownDetails && !knownDetails.defines) files.push({ path: file, size: known.size, mtimeMs: known.mtimeMs, contentHash: knownDetails.contentHash, claimId: null, defines: [...view.ids] });
    return view;
  };
  const parsedSeed = async <T extends { id: string }>(kind: SeedKind, schema: Parameters<typeof parseSeedFile>[2]) => {
    const changed = await seedChanged(kind);
    if (!changed) return { file: null, view: await unchangedSeed<T>(kind) };
    const parsed = parseSeedFile(display(seedPath(kind)), changed.text, schema);
    problems.push(...parsed.problems);
    const file = parsed.file as unknown as SeedFile<T>;
    if (changed.record) files.push({ ...changed.record, defines: file.items.map((item) => item.id) });
    return { file, view: seedViewOf(file) };
  };
  const sources = await parsedSeed<SourceSeed>('sources', sourceSeedSchema);
  const evidence = await parsedSeed<EvidenceSeed>('evidence', evidenceSeedSchema);
  const notes = await parsedSeed<ConfidenceNoteSeed>('notes', confidenceNoteSeedSchema);
  const captures = await readSeedCaptures(options.seedDir, display, new Set(sources.view.ids));
  problems.push(...captures.problems);
  lap('readMs');

  // Unchanged files are checked again when something they name is gone: a claim whose file
  // was removed (or now defines another id), or a source the seed no longer defines.
  const parsedIds = new Set(claims.map((c) => c.frontmatter.id));
  const definedNow = new Set([...unchangedNames.keys(), ...parsedIds, ...unparsedClaimIds]);
  const goneClaims = [...stored.claims.entries()].filter(([id, c]) => !c.withdrawn && !definedNow.has(id)).map(([id]) => id);
  const sourceIdsNow = sources.view.ids;
  const goneSources = options.store && sources.file ? (await readSeedSourceIds(options.store)).filter((id) => !sourceIdsNow.has(id)) : [];
  const rechecked: ParsedClaim[] = [];
  if (options.store && (goneClaims.length || goneSources.length)) {
    const recheck = [...(await findClaimsReferencing(options.store, { claims: goneClaims, sources: goneSources }))].filter((id) => unchangedNames.has(id));
    const fileOf = (id: string) => `${claimsDirPrefix}${unchangedNames.get(id)!}`;
    const inputs = await Promise.all(recheck.map(async (id) => ({ path: display(fileOf(id)), source: await fs.readFile(fileOf(id), 'utf8') })));
    for (const [i, result] of (await parseClaimFiles(inputs)).entries()) {
      unchangedNames.delete(recheck[i]!);
      if (result.ok) rechecked.push(result.claim);
      else problems.push(...result.problems);
    }
  }
  lap('parseMs');

  problems.push(
    ...validateCorpus({
      claims: [...claims, ...rechecked],
      storedClaims: { has: (id) => unchangedNames.has(id), get: (id) => (unchangedNames.has(id) ? `${shownPrefix}${unchangedNames.get(id)!}` : undefined) },
      unparsedClaimIds,
      sources: sources.view,
      evidence: evidence.view,
      notes: notes.view,
    }),
  );
  lap('validateMs');

  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return {
    ok: true,
    corpus: {
      claims,
      presentClaimIds: new Set([...unchangedNames.keys(), ...claims.map((c) => c.frontmatter.id), ...rechecked.map((c) => c.frontmatter.id)]),
      files,
      removedPaths,
      folder: {
        path: claimsDir,
        snapshot: { names, sizes, mtimes, claimIds: claimIdsNow },
        changed: !stored.folderFromSnapshot || changedOnDisk.length > 0 || removedPaths.length > 0,
      },
      sources: sources.file,
      evidence: evidence.file,
      notes: notes.file,
      captures: captures.items,
      counts: { claims: names.length, sources: sources.view.ids.size, evidence: evidence.view.ids.size, notes: notes.view.ids.size },
      parsed: toParse.length,
      storedClaims: compareWith ? { claims: stored.claims, dataVersion: stored.dataVersion } : null,
      timings,
    },
  };
}

/** An unchanged seed file, read plainly (it was validated when ingested); positions only if a record has a problem. */
async function plainSeedView<T extends { id: string }>(displayPath: string, file: string): Promise<SeedView<T>> {
  let items: T[] = [];
  let text = '[]';
  try {
    text = await fs.readFile(file, 'utf8');
    const data: unknown = JSON.parse(text);
    if (Array.isArray(data)) items = data as T[];
  } catch {
    // Gone or unreadable since its last ingest: treated as empty; its references are not checked.
  }
  let doc: PositionedDocument | undefined;
  const indexOf = new Map(items.map((item, i) => [item.id, i]));
  return {
    path: displayPath,
    items,
    ids: new Set(indexOf.keys()),
    positionOf: (id, p) => {
      doc ??= PositionedDocument.parse(text).doc;
      return doc.positionOf([indexOf.get(id) ?? 0, ...p]);
    },
  };
}

/** An unchanged sources file as its ids alone; its records are not checked again, so none are listed. */
function idsOnlySeedView<T extends { id: string }>(displayPath: string, ids: string[]): SeedView<T> {
  // No record of it is checked, so no problem is ever placed in it.
  return { path: displayPath, items: [], ids: new Set(ids), positionOf: () => ({ line: 1, column: 1 }) };
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
