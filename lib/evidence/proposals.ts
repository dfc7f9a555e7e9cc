import type { Kysely } from 'kysely';
import { z } from 'zod';
import { COUNT_CAP } from '../history/facet-counts';
import { decodeCursorOrThrow, keysetCondition, readDirection, toKeysetPage, type KeysetPage } from '../shared/keyset';
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

export const reviewQueueQuerySchema = z.strictObject({
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(1024).optional()),
  pageSize: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(100).default(25)),
});

/** The review queue: pending, unretracted proposals, oldest first, a keyset page at a time. */
export async function listPendingProposals(db: Kysely<Database>, query: Partial<z.infer<typeof reviewQueueQuerySchema>> = {}): Promise<KeysetPage<PendingProposal>> {
  const q = reviewQueueQuerySchema.parse(query);
  const cursor = q.cursor ? decodeCursorOrThrow(q.cursor, 'oldest') : null;
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
    .where((eb) => keysetCondition(eb, ['e.created_at', 'e.id'], cursor, true))
    .orderBy('e.created_at', readDirection(true, cursor))
    .orderBy('e.id', readDirection(true, cursor))
    .limit(q.pageSize + 1)
    .execute();
  const counted = await db
    .selectFrom(db.selectFrom('evidence').select('id').where('status', '=', 'pending').where('retracted_at', 'is', null).limit(COUNT_CAP + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  return toKeysetPage(rows, {
    pageSize: q.pageSize,
    cursor,
    order: 'oldest',
    keyOf: (r) => [r.created_at, r.id],
    total: Math.min(n, COUNT_CAP),
    totalIsLowerBound: n > COUNT_CAP,
    map: (r) => ({
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
    }),
  });
}
