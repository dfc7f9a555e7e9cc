import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { toSourceLink } from '../sources/source-link';
import type { EvidenceItem } from './dto';
import { STANCES, type Stance } from '../shared/vocabulary';

type Db = Kysely<Database>;

/** What an evidence entry says, as every evidence view selects it (from `evidence as e`). */
export const EVIDENCE_CONTENT_COLUMNS = [
  'e.stance',
  'e.target',
  'e.excerpt',
  'e.lang',
  'e.translation',
  'e.locator',
  'e.value',
  'e.unit',
  'e.as_of',
  'e.note',
] as const;

/** Accepted, standing evidence, each with its source, as every evidence list selects it. */
export function selectAcceptedEvidence(db: Db) {
  return db
    .selectFrom('evidence as e')
    .innerJoin('source as s', 's.id', 'e.source_id')
    .select([
      'e.id',
      'e.claim_id',
      ...EVIDENCE_CONTENT_COLUMNS,
      'e.author',
      'e.created_at',
      's.id as s_id',
      's.title as s_title',
      's.publisher as s_publisher',
      's.published as s_published',
      's.type as s_type',
      's.reliability as s_reliability',
      's.url as s_url',
      's.is_verified as s_is_verified',
    ])
    // Only reviewed, standing evidence counts: proposals and retractions are not evidence,
    // and nothing resting on a source that is not public is shown.
    .where('e.status', '=', 'accepted')
    .where('e.retracted_at', 'is', null)
    .where('s.status', '=', 'accepted');
}

/** Accepted, standing evidence of a claim, oldest first (at most `limit`). */
export async function listAcceptedEvidence(db: Db, where: { claimId: string; limit: number }): Promise<EvidenceItem[]> {
  const rows = await selectAcceptedEvidence(db).where('e.claim_id', '=', where.claimId).orderBy('e.created_at').orderBy('e.id').limit(where.limit).execute();
  return rows.map(toEvidenceItem);
}

/** How many accepted, standing evidence entries a claim has (an index range on its claim). */
export async function countAcceptedEvidence(db: Db, where: { claimId: string }): Promise<number> {
  const row = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('claim_id', '=', where.claimId)
    .where('status', '=', 'accepted')
    .where('retracted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type EvidenceItemRow = {
  id: string; claim_id: string; stance: string; target: string; excerpt: string; lang: string; translation: string | null;
  locator: string | null; value: number | null; unit: string | null; as_of: string | null; note: string | null; author: string;
  created_at: string; s_id: string; s_title: string; s_publisher: string | null; s_published: string | null; s_type: string;
  s_reliability: string; s_url: string | null; s_is_verified: number;
};

/** The one mapper from an evidence row (joined with its source, `s_` columns) to the item pages show. */
export function toEvidenceItem(r: EvidenceItemRow): EvidenceItem {
  return {
    id: r.id,
    claimId: r.claim_id,
    stance: (STANCES as readonly string[]).includes(r.stance) ? (r.stance as Stance) : 'context',
    target: r.target,
    excerpt: r.excerpt,
    lang: r.lang,
    translation: r.translation,
    locator: r.locator,
    value: r.value,
    unit: r.unit,
    asOf: r.as_of,
    note: r.note,
    author: r.author,
    createdAt: r.created_at,
    source: toSourceLink({
      id: r.s_id,
      title: r.s_title,
      publisher: r.s_publisher,
      published: r.s_published,
      type: r.s_type,
      reliability: r.s_reliability,
      url: r.s_url,
      is_verified: r.s_is_verified,
    }),
  };
}

export function groupEvidenceByStance(items: EvidenceItem[]): Record<Stance, EvidenceItem[]> {
  const groups = Object.fromEntries(STANCES.map((s) => [s, [] as EvidenceItem[]])) as Record<Stance, EvidenceItem[]>;
  for (const item of items) groups[item.stance].push(item);
  return groups;
}

