import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { describeBreakdown } from '../../app/_components/source-claims';
import { getClaimantPage } from '../../lib/claims/claimant-page';
import { claimantPath } from '../../lib/claims/claimant-path';
import { groupCitingSources } from '../../lib/sources/citing-groups';
import type { SourceLink } from '../../lib/sources/source-link';
import { getSource } from '../../lib/sources/source-page';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await checkAndIngest(db, copyFixture());
});
afterAll(async () => cleanup());

describe('a claimant’s scorecard', () => {
  it('counts the claimant’s claims by verdict and lists them', async () => {
    const page = (await getClaimantPage(db, 'An analyst'))!;
    expect(page.total).toBe(2);
    expect(page.verdictBreakdown.map((v) => [v.verdict, v.count])).toEqual([
      ['misleading', 1],
      ['unverifiable', 1],
    ]);
    expect(page.claims.items.map((c) => c.id).sort()).toEqual(['alpha-figure', 'beta-figure']);
    expect(describeBreakdown(page.total, page.verdictBreakdown)).toBe('2 claims: 1 misleading, 1 unverifiable');
  });

  it('is not found for a name no claim file uses', async () => {
    expect(await getClaimantPage(db, 'Nobody at all')).toBeNull();
  });

  it('is addressed by the claimant as written, URL-encoded', () => {
    expect(claimantPath('鋼哥 (blog author)')).toBe('/claimants/%E9%8B%BC%E5%93%A5%20(blog%20author)');
    expect(decodeURIComponent(claimantPath('A/B & C').slice('/claimants/'.length))).toBe('A/B & C');
  });
});

describe('a source page’s summary', () => {
  it('breaks the claims resting on a source down by verdict', async () => {
    const essay = (await getSource(db, 'essay'))!;
    expect(describeBreakdown(essay.claims.total, essay.verdictBreakdown)).toBe('1 claim: 1 misleading');
  });

  it('lists each citing source once, with the claims it cited the source for', () => {
    const src = (id: string): SourceLink => ({ id, title: id, publisher: null, published: null, type: 'blog', reliability: 'C', url: null, verified: true });
    const post = src('post');
    const groups = groupCitingSources(
      [src('review')],
      [1, 2, 3].map((n) => ({ claimId: `claim-${n}`, claimTitle: `Claim ${n}`, source: post, date: '2025-12' })).concat([
        { claimId: 'claim-1', claimTitle: 'Claim 1', source: post, date: '2025-12' },
      ]),
    );
    expect(groups.map((g) => [g.source.id, g.inRecord, g.forClaims.map((c) => c.claimId)])).toEqual([
      ['review', true, []],
      ['post', false, ['claim-1', 'claim-2', 'claim-3']],
    ]);
  });
});
