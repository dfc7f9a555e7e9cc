import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { countByVerdict, readFacetCount } from '../history/facet-counts';
import type { KeysetPage } from '../shared/keyset';
import type { Verdict } from '../shared/vocabulary';
import type { ClaimSummary } from './dto';
import { listClaims } from './list-queries';

/**
 * A claimant's scorecard (/claimants/[id]): how many current claims name them, how those claims
 * were rated, and the first page of them. Counts come from facet_count (kept by writes), the list
 * from the claimant's keyset index: the page reads the same few rows at 30 claims or 100,000.
 */

export interface ClaimantPage {
  /** The claimant exactly as claim files write it; its URL-encoded form is the page's id. */
  name: string;
  total: number;
  verdictBreakdown: { verdict: Verdict; label: string; count: number }[];
  claims: KeysetPage<ClaimSummary>;
}

export const CLAIMANT_PAGE_SIZE = 20;

/** Null when no current claim names that claimant. */
export async function getClaimantPage(db: Kysely<Database>, name: string): Promise<ClaimantPage | null> {
  if (name.length === 0 || name.length > 300) return null;
  const total = await readFacetCount(db, 'claimant', name);
  if (total === 0) return null;
  const { facets: _facets, ...claims } = await listClaims(db, { claimant: name, pageSize: CLAIMANT_PAGE_SIZE });
  return { name, total, verdictBreakdown: await countByVerdict(db, `claimant-verdict:${name}`), claims };
}
