import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { parseStringList } from '../shared/json-columns';
import { isSlug, VERDICT_SCALE, VERDICTS, type Verdict } from '../shared/vocabulary';
import { toSourceLink } from '../sources/source-link';
import { claimToCsl, sourceToCsl, type CslItem } from './csl';
import { getClaimVersionPermalink } from './permalink';
import { publicClaim } from './visibility';

type Db = Kysely<Database>;

/** At most this many sources in a claim's bibliography (its most used first). */
export const CLAIM_BIBLIOGRAPHY_LIMIT = 100;

const sourceColumns = ['id', 'title', 'type', 'authors', 'publisher', 'published', 'accessed', 'url', 'lang', 'reliability', 'is_verified'] as const;

function toCitable(r: { id: string; title: string; type: string; authors: string; publisher: string | null; published: string | null; accessed: string | null; url: string | null; lang: string; reliability: string; is_verified: number }) {
  return sourceToCsl({ ...r, type: toSourceLink(r).type, authors: parseStringList(r.authors) });
}

/** A public source as one CSL-JSON item; null when no accepted source has that id. */
export async function getSourceCsl(db: Db, id: string): Promise<CslItem | null> {
  if (!isSlug(id)) return null;
  const row = await db.selectFrom('source').select(sourceColumns).where('id', '=', id).where('status', '=', 'accepted').executeTakeFirst();
  return row ? toCitable(row) : null;
}

export interface ClaimVersion {
  id: string;
  revision: number;
  /** The claim's newest revision: a page of an older one says a newer exists. */
  latestRevision: number;
  at: string;
  reason: string | null;
  title: string;
  statement: string;
  claimant: string;
  verdict: { value: Verdict; label: string };
  verdictDate: string;
  summary: string | null;
  topics: string[];
  withdrawn: boolean;
}

function asVerdict(v: unknown): Verdict {
  return (VERDICTS as readonly string[]).includes(String(v)) ? (v as Verdict) : 'unverifiable';
}

/**
 * One revision of a public claim as its log snapshot has it (the claim file's fields at that
 * revision); `revision` omitted: the newest. Null when the claim or that revision does not exist.
 */
export async function getClaimVersion(db: Db, id: string, revision?: number): Promise<ClaimVersion | null> {
  if (!isSlug(id)) return null;
  const claim = await db.selectFrom('claim as c').select(['c.id', 'c.revision']).where('c.id', '=', id).where(publicClaim('c')).executeTakeFirst();
  if (!claim) return null;
  const n = revision ?? claim.revision;
  if (!Number.isInteger(n) || n < 1 || n > claim.revision) return null;
  const row = await db
    .selectFrom('revision')
    .select(['snapshot', 'created_at', 'reason'])
    .where('entity_type', '=', 'claim')
    .where('entity_id', '=', id)
    .where('revision', '=', n)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const s = JSON.parse(row.snapshot) as Record<string, unknown>;
  const verdict = asVerdict(s.verdict);
  return {
    id,
    revision: n,
    latestRevision: claim.revision,
    at: row.created_at,
    reason: row.reason,
    title: String(s.title ?? id),
    statement: String(s.statement ?? ''),
    claimant: String(s.claimant ?? ''),
    verdict: { value: verdict, label: VERDICT_SCALE[verdict].label },
    verdictDate: String(s.verdict_date ?? ''),
    summary: typeof s.summary === 'string' && s.summary ? s.summary : null,
    topics: Array.isArray(s.topics) ? s.topics.map(String) : [],
    withdrawn: s.is_withdrawn === 1,
  };
}

/**
 * A claim revision as CSL-JSON, followed by the bibliography of the sources it rests on now
 * (accepted, public ones; at most CLAIM_BIBLIOGRAPHY_LIMIT).
 */
export async function getClaimCsl(db: Db, id: string, revision?: number): Promise<CslItem[] | null> {
  const version = await getClaimVersion(db, id, revision);
  if (!version) return null;
  const sources = await db
    .selectFrom('source_claim as sc')
    .innerJoin('source as s', 's.id', 'sc.source_id')
    .select(sourceColumns.map((c) => `s.${c}` as const))
    .where('sc.claim_id', '=', id)
    .where('s.status', '=', 'accepted')
    .orderBy('s.sort_title')
    .orderBy('s.id')
    .limit(CLAIM_BIBLIOGRAPHY_LIMIT)
    .execute();
  const own = claimToCsl({ id, title: version.title, revision: version.revision, at: version.at, verdictLabel: version.verdict.label, permalink: getClaimVersionPermalink(id, version.revision) });
  return [own, ...sources.map(toCitable)];
}
