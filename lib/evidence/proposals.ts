import type { Kysely } from 'kysely';
import { EVIDENCE_CONTENT_COLUMNS } from './queries';
import type { Database } from '../../db/schema';

export interface PendingProposal {
  id: string;
  claimId: string;
  claimTitle: string;
  source: { id: string; title: string; publisher: string | null; url: string | null; published: string | null; pending: boolean };
  stance: string;
  target: string;
  excerpt: string;
  lang: string;
  translation: string | null;
  locator: string | null;
  value: number | null;
  unit: string | null;
  asOf: string | null;
  note: string | null;
  createdAt: string;
  revision: number;
}

/** The review queue: every pending, unretracted proposal, oldest first. */
export async function listPendingProposals(db: Kysely<Database>): Promise<PendingProposal[]> {
  const rows = await db
    .selectFrom('evidence as e')
    .innerJoin('claim as c', 'c.id', 'e.claim_id')
    .innerJoin('source as s', 's.id', 'e.source_id')
    .select([
      'e.id',
      'e.claim_id',
      'c.title as claim_title',
      's.id as s_id',
      's.title as s_title',
      's.publisher as s_publisher',
      's.url as s_url',
      's.published as s_published',
      's.status as s_status',
      ...EVIDENCE_CONTENT_COLUMNS,
      'e.created_at',
      'e.revision',
    ])
    .where('e.status', '=', 'pending')
    .where('e.retracted_at', 'is', null)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    claimId: r.claim_id,
    claimTitle: r.claim_title,
    source: { id: r.s_id, title: r.s_title, publisher: r.s_publisher, url: r.s_url, published: r.s_published, pending: r.s_status === 'pending' },
    stance: r.stance,
    target: r.target,
    excerpt: r.excerpt,
    lang: r.lang,
    translation: r.translation,
    locator: r.locator,
    value: r.value,
    unit: r.unit,
    asOf: r.as_of,
    note: r.note,
    createdAt: r.created_at,
    revision: r.revision,
  }));
}
