import type { Kysely } from 'kysely';
import { withEvidenceAnchors } from '../captures/queries';
import type { Database } from '../../db/schema';
import { COUNT_CAP, countByVerdict } from '../history/facet-counts';
import { parseCopies, parseStringList } from '../shared/json-columns';
import { parseCitations } from './citations';
import { COPY_KINDS, isSlug, RELIABILITY_SCALE } from '../shared/vocabulary';
import type { SourceCopyLink, SourceDetail } from './dto';
import { listSourceClaims, listSourceEvidence } from './list-queries';
import { sourceLinkColumns, toSourceLink, type SourceLink } from './source-link';

/**
 * Everything /sources/[id] and GET /api/sources/{id} show. The lists on it (claims, evidence,
 * what cites it) are first pages with counts, so a source that 100,000 claims rest on costs
 * what any other costs.
 */

type Db = Kysely<Database>;

/** The article the ledger was started to check (鋼哥's essay): the home page names it. */
export const ARTICLE_UNDER_REVIEW_ID = 'gangge-matters-ai-bubble';

/** At most this many "cited by" sources and citing appearances on the page (with counts of all). */
export const SOURCE_PAGE_CITATION_LIMIT = 20;

async function loadLinks(db: Db, ids: string[]): Promise<Map<string, SourceLink>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('source').select(sourceLinkColumns).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toSourceLink(r)]));
}

/** Everything /sources/[id] and GET /api/sources/{id} show; null when no public source has that id. */
export async function getSource(db: Db, id: string): Promise<SourceDetail | null> {
  if (!isSlug(id)) return null; // names nothing (and PostgreSQL refuses some such ids outright)
  const row = await db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirst();
  // A source that rests only on an unreviewed proposal is not public yet.
  if (!row || row.status !== 'accepted') return null;

  const claims = await listSourceClaims(db, id);
  const page = await listSourceEvidence(db, id);
  const evidence = { ...page, items: await withEvidenceAnchors(db, page.items) };

  // What cites it: the derived source_cite rows (from each source's own cites list), by index.
  const citedByRows = await db
    .selectFrom('source_cite as sc')
    .innerJoin('source as s', 's.id', 'sc.source_id')
    .select(sourceLinkColumns.map((c) => `s.${c}` as const))
    .where('sc.cited_source_id', '=', id)
    .where('s.listed', '=', 1)
    .orderBy('s.sort_title')
    .orderBy('s.id')
    .limit(SOURCE_PAGE_CITATION_LIMIT)
    .execute();
  const citedByCount =
    citedByRows.length < SOURCE_PAGE_CITATION_LIMIT
      ? citedByRows.length
      : Number((await db.selectFrom('source_cite').select((eb) => eb.fn.countAll<number>().as('n')).where('cited_source_id', '=', id).executeTakeFirstOrThrow()).n);

  const ownCites = parseCitations(row.cites);
  const links = await loadLinks(db, [...new Set([...ownCites.map((c) => c.source), ...(row.merged_into ? [row.merged_into] : [])])]);
  const cites = ownCites.flatMap((c) =>
    links.has(c.source) ? [{ ...links.get(c.source)!, basis: c.basis, locator: c.locator, inferredBy: c.inferred_by, note: c.note }] : [],
  );

  const appearanceRows = await db
    .selectFrom('appearance_cite as ac')
    .innerJoin('claim_appearance as ca', (j) => j.onRef('ca.claim_id', '=', 'ac.claim_id').onRef('ca.position', '=', 'ac.position'))
    .innerJoin('claim as c', 'c.id', 'ac.claim_id')
    .innerJoin('source as s', 's.id', 'ca.source_id')
    .select(['ac.claim_id', 'c.title as claim_title', 'ca.date', ...sourceLinkColumns.map((col) => `s.${col}` as const)])
    .where('ac.cited_source_id', '=', id)
    .where('c.listed', '=', 1)
    .orderBy('ac.claim_id')
    .orderBy('ac.position')
    .limit(SOURCE_PAGE_CITATION_LIMIT)
    .execute();
  const citedInAppearancesCount =
    appearanceRows.length < SOURCE_PAGE_CITATION_LIMIT
      ? appearanceRows.length
      : Math.min(
          COUNT_CAP,
          Number(
            (
              await db
                .selectFrom(
                  db
                    .selectFrom('appearance_cite as ac')
                    .innerJoin('claim as c', 'c.id', 'ac.claim_id')
                    .select('ac.claim_id')
                    .where('ac.cited_source_id', '=', id)
                    .where('c.listed', '=', 1)
                    .limit(COUNT_CAP)
                    .as('capped'),
                )
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        );
  // Undated first, as SQLite sorts NULLs; the same on PostgreSQL.
  const citedInAppearances = appearanceRows
    .map((r) => ({ claimId: r.claim_id, claimTitle: r.claim_title, source: toSourceLink(r), date: r.date }))
    .sort((a, b) => (a.date === null ? 0 : 1) - (b.date === null ? 0 : 1) || (a.date ?? '').localeCompare(b.date ?? '') || a.claimId.localeCompare(b.claimId));

  const link = toSourceLink(row);
  return {
    ...link,
    authors: parseStringList(row.authors),
    claimCount: row.claim_count,
    evidenceCount: row.evidence_count,
    lang: row.lang,
    accessed: row.accessed,
    reliabilityLabel: RELIABILITY_SCALE[link.reliability].label,
    reliabilityReason: row.reliability_reason,
    verified: row.is_verified === 1,
    copies: parseCopies(row.copies).map(
      (c): SourceCopyLink => ({
        url: c.url,
        kind: (COPY_KINDS as readonly string[]).includes(c.kind) ? (c.kind as SourceCopyLink['kind']) : 'mirror',
        note: c.note ?? null,
      }),
    ),
    mergedInto: row.merged_into ? (links.get(row.merged_into) ?? null) : null,
    verdictBreakdown: await countByVerdict(db, `source-verdict:${id}`),
    claims,
    evidence,
    cites,
    citedBy: citedByRows.map(toSourceLink),
    citedByCount,
    citedInAppearances,
    citedInAppearancesCount,
    updatedAt: row.updated_at,
  };
}

/** The article under review on the home page: title, author, date and link. */
export async function getSourceLink(db: Db, id: string): Promise<(SourceLink & { authors: string[] }) | null> {
  if (!isSlug(id)) return null;
  const row = await db.selectFrom('source').select([...sourceLinkColumns, 'authors']).where('id', '=', id).where('status', '=', 'accepted').executeTakeFirst();
  return row ? { ...toSourceLink(row), authors: parseStringList(row.authors) } : null;
}
