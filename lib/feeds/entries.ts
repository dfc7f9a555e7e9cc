import 'server-only';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import { publicClaim } from '../citations/visibility';
import { revisionDiff } from '../history/revisions';
import { isSlug, VERDICT_SCALE, VERDICTS, type Verdict } from '../shared/vocabulary';

type Db = Kysely<Database>;

/** Every feed holds the newest this many entries: a follower polls, a feed is not an archive. */
export const FEED_ENTRY_LIMIT = 50;

/** Up to this many claims, a topic's or source's feed is read through each claim's own log range. */
const SMALL_SCOPE = 200;

export type FeedScope = { kind: 'site' } | { kind: 'claim'; id: string } | { kind: 'source'; id: string } | { kind: 'topic'; topic: string };

export type FeedEntryKind = 'new-claim' | 'verdict-change' | 'confidence-change' | 'new-evidence' | 'correction' | 'withdrawal' | 'reinstatement' | 'evidence-retracted';

export interface FeedEntry {
  /** The revision log entry's id: stable for ever, one per event. */
  revisionId: number;
  kind: FeedEntryKind;
  claimId: string;
  claimTitle: string;
  at: string;
  /** Path of what the entry is about at that revision (a claim revision's permalink, a note or evidence anchor). */
  path: string;
  title: string;
  /** Plain text: what changed, old → new, and why. */
  text: string;
  verdictChange: { from: Verdict | null; to: Verdict } | null;
  confidenceChange: { from: number | null; to: number } | null;
}

export interface FeedDescription {
  title: string;
  /** The page the feed follows, and the feed's own path without its extension. */
  pagePath: string;
  feedPath: string;
}

/** The feed's title and where it lives; null when the claim, source or topic is not public. */
export async function describeFeedScope(db: Db, scope: FeedScope): Promise<FeedDescription | null> {
  switch (scope.kind) {
    case 'site':
      return { title: 'Claim Ledger: all changes', pagePath: '/', feedPath: '/feed' };
    case 'claim': {
      if (!isSlug(scope.id)) return null;
      const c = await db.selectFrom('claim as c').select('c.title').where('c.id', '=', scope.id).where(publicClaim('c')).executeTakeFirst();
      return c ? { title: `Claim Ledger: ${c.title}`, pagePath: `/claims/${scope.id}`, feedPath: `/claims/${scope.id}/feed` } : null;
    }
    case 'source': {
      if (!isSlug(scope.id)) return null;
      const s = await db.selectFrom('source').select('title').where('id', '=', scope.id).where('status', '=', 'accepted').executeTakeFirst();
      return s ? { title: `Claim Ledger: claims resting on ${s.title}`, pagePath: `/sources/${scope.id}`, feedPath: `/sources/${scope.id}/feed` } : null;
    }
    case 'topic': {
      const t = await db.selectFrom('claim_topic').select('topic').where('topic', '=', scope.topic).where('listed', '=', 1).limit(1).executeTakeFirst();
      const enc = encodeURIComponent(scope.topic);
      return t ? { title: `Claim Ledger: topic ${scope.topic}`, pagePath: `/claims?topic=${enc}`, feedPath: `/topics/${enc}/feed` } : null;
    }
  }
}

const label = (v: Verdict | null) => (v ? VERDICT_SCALE[v].label : 'none');
const pct = (v: number | null) => (v === null ? 'none' : `${Math.round(v * 100)}%`);
const asVerdict = (v: unknown): Verdict | null => ((VERDICTS as readonly string[]).includes(String(v)) ? (v as Verdict) : null);

// Fields of a claim file revision a follower is told about (bookkeeping and derived ones are not).
const CLAIM_FIELDS_SHOWN = ['title', 'statement', 'claimant', 'summary', 'body_mdx', 'original_text', 'original_translation', 'topics', 'appearances', 'quantity_value', 'quantity_low', 'quantity_high', 'quantity_unit'];

/**
 * The newest entries of a feed, from the revision log: a claim created, its file's verdict or
 * text revised, withdrawn or reinstated; a confidence note (a verdict or confidence change,
 * with the note's reason); evidence accepted or retracted. Proposals, rejected entries and
 * non-public claims (drafts) never appear. Bounded: FEED_ENTRY_LIMIT.
 */
export async function listFeedEntries(db: Db, scope: FeedScope, limit = FEED_ENTRY_LIMIT): Promise<FeedEntry[]> {
  let q = db
    .selectFrom('revision as r')
    .innerJoin('claim as c', 'c.id', 'r.claim_id')
    .leftJoin('evidence as e', (j) => j.onRef('e.id', '=', 'r.entity_id').on('r.entity_type', '=', 'evidence'))
    .select(['r.id', 'r.entity_type', 'r.entity_id', 'r.claim_id', 'r.revision', 'r.action', 'r.snapshot', 'r.diff', 'r.reason', 'r.created_at', 'c.title as claim_title'])
    .where(publicClaim('c'))
    // The log is read newest first along its primary key (or a claim's index range) until the
    // limit is met: `|| ''` keeps the planner off the entity-type index, which would gather every
    // matching entry of the whole log and sort them.
    .where((eb) => {
      const kind = sql<string>`${sql.ref('r.entity_type')} || ''`;
      return eb.or([
        eb.and([eb(kind, '=', 'claim'), eb('r.action', 'in', ['create', 'update', 'withdraw', 'reinstate'])]),
        eb.and([eb(kind, '=', 'confidence_note'), eb('r.action', '=', 'create')]),
        eb.and([eb(kind, '=', 'evidence'), eb('r.action', 'in', ['create', 'accept', 'retract']), eb('e.status', '=', 'accepted')]),
      ]);
    })
    .where('r.id', '>', 0);
  if (scope.kind === 'claim') q = q.where('r.claim_id', '=', scope.id);
  if (scope.kind === 'topic' || scope.kind === 'source') {
    const members =
      scope.kind === 'topic'
        ? db.selectFrom('claim_topic').select('claim_id').where('topic', '=', scope.topic)
        : (db.selectFrom('source_claim').select('claim_id').where('source_id', '=', scope.id) as unknown as SelectQueryBuilder<Database, 'claim_topic', { claim_id: string }>);
    // A scope of few claims is read claim by claim through their index ranges (all their entries,
    // sorted); a large one (a hub source, a broad topic) by walking the log newest first until
    // the limit is met, as the site feed does: each way reads in proportion to the feed, not the log.
    const few = (await db.selectFrom(members.limit(SMALL_SCOPE + 1).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    q = Number(few) <= SMALL_SCOPE ? q.where('r.claim_id', 'in', members) : q.where(sql<string>`${sql.ref('r.claim_id')} || ''`, 'in', members);
  }
  const rows = await q.orderBy('r.id', 'desc').limit(limit).execute();

  const entries: FeedEntry[] = [];
  for (const r of rows) {
    const snapshot = JSON.parse(r.snapshot) as Record<string, unknown>;
    const diff = revisionDiff(r);
    const claimId = r.claim_id!;
    const base = { revisionId: r.id, claimId, claimTitle: r.claim_title, at: r.created_at, verdictChange: null, confidenceChange: null };
    if (r.entity_type === 'claim') {
      const path = `/claims/${claimId}/v/${r.revision}`;
      const why = r.reason ? ` Reason: ${r.reason}` : '';
      if (r.action === 'create') {
        const v = asVerdict(snapshot.verdict);
        entries.push({ ...base, kind: 'new-claim', path, title: `New claim: ${r.claim_title}`, text: `${String(snapshot.statement ?? '')} Verdict: ${label(v)}.${snapshot.summary ? ` ${String(snapshot.summary)}` : ''}`, verdictChange: v ? { from: null, to: v } : null });
      } else if (r.action === 'withdraw') {
        entries.push({ ...base, kind: 'withdrawal', path, title: `Withdrawn: ${r.claim_title}`, text: `The claim was withdrawn from the ledger.${why}` });
      } else if (r.action === 'reinstate') {
        entries.push({ ...base, kind: 'reinstatement', path, title: `Reinstated: ${r.claim_title}`, text: `The claim is back in the ledger.${why}` });
      } else if (diff.verdict) {
        const [from, to] = diff.verdict.map(asVerdict) as [Verdict | null, Verdict | null];
        entries.push({ ...base, kind: 'verdict-change', path, title: `Verdict ${label(from)} → ${label(to)}: ${r.claim_title}`, text: `Verdict changed from ${label(from)} to ${label(to)}.${snapshot.summary ? ` ${String(snapshot.summary)}` : ''}${why}`, verdictChange: to ? { from, to } : null });
      } else {
        const fields = Object.keys(diff).filter((f) => CLAIM_FIELDS_SHOWN.includes(f));
        if (fields.length === 0) continue;
        entries.push({ ...base, kind: 'correction', path, title: `Corrected: ${r.claim_title}`, text: `Revision ${r.revision} changed ${fields.join(', ')}.${why}` });
      }
    } else if (r.entity_type === 'confidence_note') {
      const to = asVerdict(snapshot.verdict);
      const toConfidence = typeof snapshot.confidence === 'number' ? snapshot.confidence : null;
      const before = await stateBefore(db, claimId, r.id);
      const reason = String(snapshot.reason ?? '');
      const path = `/claims/${claimId}#note-${r.entity_id}`;
      const parts: string[] = [];
      if (to) parts.push(`Verdict ${label(before.verdict)} → ${label(to)}.`);
      if (toConfidence !== null) parts.push(`Confidence ${pct(before.confidence)} → ${pct(toConfidence)}.`);
      entries.push({
        ...base,
        kind: to ? 'verdict-change' : 'confidence-change',
        path,
        title: to ? `Verdict ${label(before.verdict)} → ${label(to)}: ${r.claim_title}` : `Confidence ${pct(before.confidence)} → ${pct(toConfidence)}: ${r.claim_title}`,
        text: `${parts.join(' ')} Reason: ${reason}`,
        verdictChange: to ? { from: before.verdict, to } : null,
        confidenceChange: toConfidence !== null ? { from: before.confidence, to: toConfidence } : null,
      });
    } else {
      const path = `/claims/${claimId}#evidence-${r.entity_id}`;
      const excerpt = String(snapshot.excerpt ?? '');
      if (r.action === 'retract') {
        entries.push({ ...base, kind: 'evidence-retracted', path, title: `Evidence retracted: ${r.claim_title}`, text: `Evidence ${r.entity_id} was retracted. Reason: ${r.reason ?? String(snapshot.retracted_reason ?? '')}` });
      } else {
        entries.push({ ...base, kind: 'new-evidence', path, title: `New evidence (${String(snapshot.stance ?? '')}): ${r.claim_title}`, text: `“${excerpt}” — from source ${String(snapshot.source_id ?? '')}.` });
      }
    }
  }
  return entries;
}

/**
 * The verdict and confidence a claim had just before a log entry: the newest earlier note that
 * set each, else (for the verdict) its file's verdict at that time. Two index ranges.
 */
async function stateBefore(db: Db, claimId: string, revisionId: number): Promise<{ verdict: Verdict | null; confidence: number | null }> {
  const earlier = await db
    .selectFrom('revision')
    .select(['entity_type', 'snapshot'])
    .where('claim_id', '=', claimId)
    .where('id', '<', revisionId)
    .where('entity_type', 'in', ['claim', 'confidence_note'])
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  let verdict: Verdict | null = null;
  let confidence: number | null = null;
  let fileVerdict: Verdict | null = null;
  for (const e of earlier) {
    const s = JSON.parse(e.snapshot) as Record<string, unknown>;
    if (e.entity_type === 'confidence_note') {
      verdict ??= asVerdict(s.verdict);
      if (confidence === null && typeof s.confidence === 'number') confidence = s.confidence;
    } else {
      fileVerdict ??= asVerdict(s.verdict);
    }
    if (verdict && confidence !== null) break;
  }
  return { verdict: verdict ?? fileVerdict, confidence };
}
