import type { Db } from '../../db/client';
import { getClaimPage } from '../../lib/claims/claim-page';
import { getClaimantPage } from '../../lib/claims/claimant-page';
import { listClaims, listClaimsNeedingReview, listRecentVerdicts } from '../../lib/claims/list-queries';
import { listPendingProposals } from '../../lib/evidence/proposals';
import { countByVerdict } from '../../lib/history/facet-counts';
import { listClaimHistory, listSourceHistory } from '../../lib/history/queries';
import { listMostUsedSources, listSourceClaims, listSourceEvidence, listSources } from '../../lib/sources/list-queries';
import { getSource } from '../../lib/sources/source-page';
import { generatedSourceId } from '../../scripts/scale/ledger-generator';
import { getClaimNumbers, listNumbers, NUMBER_SORTS } from '../../lib/numbers/queries';

/** The article under review: every claim of the generated ledger rests on it. */
export const ARTICLE = 'gangge-matters-ai-bubble';
/** A real claim resting on several hub sources. */
export const HUB_CLAIM = 'gpt4-training-cost-500m';

/**
 * Every list and page query of a request path, as the scale tests run them (on SQLite and on
 * PostgreSQL): each case is one page's or response's queries.
 */
export function scaleQueryCases(
  db: () => Db,
  ctx: () => { deepClaimCursor: string; deepSourceCursor: string; sampleClaim: string },
): [string, () => Promise<unknown>][] {
  return [
  ['/claims, first page', () => listClaims(db())],
  ['/claims, 9,000 claims deep', () => listClaims(db(), { cursor: ctx().deepClaimCursor })],
  ['/claims by verdict', () => listClaims(db(), { verdict: 'misleading' })],
  ['/claims by topic', () => listClaims(db(), { topic: 'ai-bubble' })],
  ['/claims by claimant', () => listClaims(db(), { claimant: 'Julien Garran, MacroStrategy Partnership (as relayed by 鋼哥) · desk 7' })],
  ['/claims by confidence band', () => listClaims(db(), { confidence: 'high' })],
  ['/claims by verdict and topic', () => listClaims(db(), { verdict: 'false', topic: 'openai' })],
  ['/claims by confidence, both orders', async () => {
    await listClaims(db(), { sort: 'confidence', order: 'asc' });
    await listClaims(db(), { sort: 'confidence', order: 'desc' });
  }],
  ['/claims by verdict date', () => listClaims(db(), { sort: 'verdict-date' })],
  ['home page lists and counts', async () => {
    await listRecentVerdicts(db());
    await listClaimsNeedingReview(db());
    await listMostUsedSources(db());
    await countByVerdict(db());
    await countByVerdict(db(), `source-verdict:${ARTICLE}`);
  }],
  ['/sources in each order and filter', async () => {
    const first = await listSources(db());
    await listSources(db(), { cursor: first.next! });
    await listSources(db(), { sort: 'date' });
    await listSources(db(), { sort: 'title', type: 'news' });
    await listSources(db(), { reliability: 'B', type: 'report' });
  }],
  ['a claim page resting on hub sources', () => getClaimPage(db(), HUB_CLAIM)],
  ['a claimant’s scorecard page', () => getClaimantPage(db(), 'Julien Garran, MacroStrategy Partnership (as relayed by 鋼哥) · desk 7')],
  ['a generated claim page', () => getClaimPage(db(), ctx().sampleClaim)],
  ['the article’s source page', () => getSource(db(), ARTICLE)],
  ['a generated source page', () => getSource(db(), generatedSourceId(17))],
  ['the article’s claims, 9,000 deep, and its evidence', async () => {
    await listSourceClaims(db(), ARTICLE, { cursor: ctx().deepSourceCursor });
    const evidence = await listSourceEvidence(db(), ARTICLE);
    await listSourceEvidence(db(), ARTICLE, { cursor: evidence.next! });
  }],
  ['/numbers in each order, a page deep, and a claim\'s numbers block', async () => {
    for (const sort of NUMBER_SORTS) {
      const first = await listNumbers(db(), { sort });
      if (first.next) await listNumbers(db(), { sort, cursor: first.next });
    }
    await listNumbers(db(), { sort: 'deviation', dir: 'asc' });
    await getClaimNumbers(db(), HUB_CLAIM);
  }],
  ['histories and the review queue', async () => {
    const history = await listClaimHistory(db(), HUB_CLAIM, { publicOnly: true });
    await listClaimHistory(db(), HUB_CLAIM, { cursor: history.next ?? undefined });
    await listSourceHistory(db(), ARTICLE);
    await listPendingProposals(db());
  }],
  ];
}
