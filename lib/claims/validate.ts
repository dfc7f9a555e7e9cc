import type { ConfidenceNoteSeed } from '../confidence/schema';
import type { EvidenceSeed } from '../evidence/schema';
import type { SeedFile } from '../seed/parse';
import { formatPath, type Problem } from '../shared/problems';
import type { SourceSeed } from '../sources/schema';
import { positionIn, type ParsedClaim } from './parse';

/**
 * A seed file as the cross-file checks see it: its records, and where each one is in the
 * file. A file parsed in this run has its positions at hand; an unchanged one was read with
 * JSON.parse only, and is parsed for positions only if one of its records has a problem.
 */
export interface SeedView<T extends { id: string }> {
  path: string;
  /** The records whose references are checked: all of them, but for an unchanged sources file (lib/claims/check.ts). */
  items: T[];
  /** Every id the file defines. */
  ids: ReadonlySet<string>;
  positionOf: (id: string, path: PropertyKey[]) => { line: number; column: number };
}

export function seedViewOf<T extends { id: string }>(file: SeedFile<T>): SeedView<T> {
  return { path: file.path, items: file.items, ids: new Set(file.items.map((item) => item.id)), positionOf: (id, path) => file.positionOf([file.indexOf.get(id) ?? 0, ...path]) };
}

export interface CorpusView {
  /** Claims parsed in this run: changed files, and unchanged files that are checked again. */
  claims: ParsedClaim[];
  /** Claim ids defined by files not parsed in this run (unchanged since the last ingest), with their paths. */
  storedClaims: Pick<ReadonlyMap<string, string>, 'has' | 'get'>;
  /** Ids of claim files that exist but failed to parse: references to them are not reported twice. */
  unparsedClaimIds: string[];
  sources: SeedView<SourceSeed>;
  evidence: SeedView<EvidenceSeed>;
  notes: SeedView<ConfidenceNoteSeed>;
}

/**
 * Checks that need more than one file: unique ids, and that every reference (appearances,
 * related claims, body components, seed records) names something that exists. Claims may
 * reference only sources defined in seed data, so a fresh clone is self-sufficient.
 * Claims known only from the store count as existing; their own references were checked
 * when they were ingested, and are checked again (by parsing them) when what they name goes.
 */
export function validateCorpus(corpus: CorpusView): Problem[] {
  const problems: Problem[] = [];
  const parsedById = new Map<string, ParsedClaim>();
  const sourceIds = corpus.sources.ids;
  const unparsed = new Set(corpus.unparsedClaimIds);
  const claimExists = (id: string) => parsedById.has(id) || corpus.storedClaims.has(id) || unparsed.has(id);

  for (const claim of corpus.claims) {
    const id = claim.frontmatter.id;
    const first = parsedById.get(id)?.path ?? corpus.storedClaims.get(id);
    if (first !== undefined && first !== claim.path) {
      problems.push({ file: claim.path, ...positionIn(claim, ['id']), field: 'id', message: `duplicate claim id "${id}", already used by ${first}` });
    } else parsedById.set(id, claim);
  }

  const unknownSource = (id: string) => `unknown source id "${id}": define it in ${corpus.sources.path}`;

  for (const claim of corpus.claims) {
    const fm = claim.frontmatter;
    const at = (path: PropertyKey[]) => ({ file: claim.path, ...positionIn(claim, path), field: formatPath(path) });
    fm.appearances.forEach((a, i) => {
      if (!sourceIds.has(a.source)) problems.push({ ...at(['appearances', i, 'source']), message: unknownSource(a.source) });
      (a.cites ?? []).forEach((c, j) => {
        if (!sourceIds.has(c.source)) problems.push({ ...at(['appearances', i, 'cites', j]), message: unknownSource(c.source) });
        else if (c.source === a.source) problems.push({ ...at(['appearances', i, 'cites', j]), message: 'a source cannot cite itself' });
      });
    });
    fm.related.forEach((r, i) => {
      if (r.id === fm.id) problems.push({ ...at(['related', i, 'id']), message: 'a claim cannot be related to itself' });
      else if (!claimExists(r.id)) {
        problems.push({ ...at(['related', i, 'id']), message: `no claim has id "${r.id}": add claims/${r.id}.mdx or fix the id` });
      }
    });
    for (const ref of claim.references) {
      const pos = { file: claim.path, line: ref.line + claim.bodyFirstLine - 1, column: ref.column, field: 'body' };
      if (ref.kind === 'claim' && !claimExists(ref.id)) {
        problems.push({ ...pos, message: `<${ref.component} id="${ref.id}">: no claim has this id` });
      }
      if (ref.kind === 'source' && !sourceIds.has(ref.id)) {
        problems.push({ ...pos, message: `<${ref.component}>: ${unknownSource(ref.id)}` });
      }
    }
  }

  const seedAt = <T extends { id: string }>(file: SeedView<T>, id: string, path: PropertyKey[]) => {
    const index = file.items.findIndex((item) => item.id === id);
    return { file: file.path, ...file.positionOf(id, path), field: formatPath([Math.max(index, 0), ...path]) };
  };

  for (const s of corpus.sources.items) {
    const seen = new Set<string>();
    // An unchanged seed file is read plainly: its citations may still be in the older string form.
    (s.cites ?? []).map((c: unknown) => ({ source: typeof c === 'string' ? c : String((c as { source?: unknown }).source) })).forEach((c, j) => {
      if (!sourceIds.has(c.source)) problems.push({ ...seedAt(corpus.sources, s.id, ['cites', j]), message: unknownSource(c.source) });
      else if (c.source === s.id) problems.push({ ...seedAt(corpus.sources, s.id, ['cites', j]), message: 'a source cannot cite itself' });
      else if (seen.has(c.source)) problems.push({ ...seedAt(corpus.sources, s.id, ['cites', j]), message: `"${c.source}" is cited twice: keep one entry` });
      seen.add(c.source);
    });
  }

  const evidenceClaim = new Map<string, string>();
  for (const e of corpus.evidence.items) {
    evidenceClaim.set(e.id, e.claim);
    if (!claimExists(e.claim)) problems.push({ ...seedAt(corpus.evidence, e.id, ['claim']), message: `no claim has id "${e.claim}"` });
    if (!sourceIds.has(e.source)) problems.push({ ...seedAt(corpus.evidence, e.id, ['source']), message: unknownSource(e.source) });
  }

  for (const n of corpus.notes.items) {
    if (!claimExists(n.claim)) problems.push({ ...seedAt(corpus.notes, n.id, ['claim']), message: `no claim has id "${n.claim}"` });
    (n.evidence ?? []).forEach((ev, j) => {
      const owner = evidenceClaim.get(ev);
      if (owner === undefined) {
        problems.push({ ...seedAt(corpus.notes, n.id, ['evidence', j]), message: `no evidence entry has id "${ev}"` });
      } else if (owner !== n.claim) {
        problems.push({ ...seedAt(corpus.notes, n.id, ['evidence', j]), message: `evidence "${ev}" belongs to claim "${owner}", not "${n.claim}"` });
      }
    });
  }

  return problems;
}
