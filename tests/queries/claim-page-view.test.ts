import { describe, expect, it } from 'vitest';
import type { Appearance, ChainNode } from '../../lib/claims/dto';
import { buildAppearanceTimeline, findPrimarySources, sortEvidenceByGrade } from '../../lib/claims/claim-page-view';
import type { EvidenceItem } from '../../lib/evidence/dto';
import type { SourceLink } from '../../lib/sources/source-link';

const src = (id: string, over: Partial<SourceLink> = {}): SourceLink => ({
  id,
  title: `Title of ${id}`,
  publisher: null,
  published: null,
  type: 'news',
  reliability: 'B',
  url: null,
  verified: true,
  ...over,
});
const node = (source: SourceLink, cites: ChainNode[] = [], repeated = false): ChainNode => ({ source, cites, repeated });
const appearance = (position: number, source: SourceLink, date: string | null, cites: ChainNode[] = []): Appearance => ({ position, source, date, note: null, cites });

describe('the primary source in the verdict box', () => {
  it('follows each chain to the source that cites nothing further', () => {
    const paper = src('paper', { reliability: 'A' });
    const news = src('news');
    expect(findPrimarySources([appearance(0, src('blog'), '2025', [node(news, [node(paper)])])]).map((p) => [p.source.id, p.relay])).toEqual([['paper', null]]);
  });

  it('names the nearest read source as the relay when the primary source was not read', () => {
    const unread = src('paywalled-report', { verified: false });
    const relay = src('relay-news');
    const [primary] = findPrimarySources([appearance(0, src('blog'), null, [node(relay, [node(unread)])])]);
    expect(primary!.source.id).toBe('paywalled-report');
    expect(primary!.relay?.id).toBe('relay-news');
  });

  it('leaves the relay empty when nothing along the chain was read', () => {
    const [primary] = findPrimarySources([appearance(0, src('blog', { verified: false }), null, [node(src('x', { verified: false }))])]);
    expect(primary).toMatchObject({ source: { id: 'x' }, relay: null });
  });

  it('takes an appearance that cites nothing as its own primary source, once however often it repeats', () => {
    const post = src('post');
    expect(findPrimarySources([appearance(0, post, null), appearance(1, post, null)]).map((p) => p.source.id)).toEqual(['post']);
  });
});

describe('the appearance timeline', () => {
  it('runs oldest first with undated entries last, collapsing the same source on the same date', () => {
    const post = src('post');
    const timeline = buildAppearanceTimeline([
      appearance(0, post, '2025-12-01'),
      appearance(1, post, '2025-12-01'),
      appearance(2, src('later'), '2026-02'),
      appearance(3, src('undated'), null),
      appearance(4, src('earlier'), '2024-05-03'),
    ]);
    expect(timeline.map((t) => [t.source.id, t.date, t.times])).toEqual([
      ['earlier', '2024-05-03', 1],
      ['post', '2025-12-01', 2],
      ['later', '2026-02', 1],
      ['undated', null, 1],
    ]);
  });

  it('dates an undated appearance by its source’s publication date', () => {
    expect(buildAppearanceTimeline([appearance(0, src('s', { published: '2023-04' }), null)])[0]!.date).toBe('2023-04');
  });
});

describe('evidence order within a stance', () => {
  it('puts the best-graded sources first, then the oldest entry', () => {
    const item = (id: string, grade: SourceLink['reliability'], createdAt: string): EvidenceItem => ({
      id,
      claimId: 'c',
      stance: 'supports',
      target: 'whole',
      excerpt: 'x',
      lang: 'en',
      translation: null,
      locator: null,
      value: null,
      unit: null,
      asOf: null,
      note: null,
      author: 'someone',
      createdAt,
      source: src(`s-${id}`, { reliability: grade }),
    });
    const sorted = sortEvidenceByGrade({
      supports: [item('c1', 'C', '2026-01-01'), item('a2', 'A', '2026-03-01'), item('u', 'U', '2025-01-01'), item('a1', 'A', '2026-02-01')],
      contradicts: [],
      qualifies: [],
      context: [],
    });
    expect(sorted.supports.map((e) => e.id)).toEqual(['a1', 'a2', 'c1', 'u']);
  });
});
