import { describe, expect, it } from 'vitest';
import type { ClaimLineage } from '../../lib/lineage/dto';
import { renderLineageSvg } from '../../lib/lineage/svg';

const link = (id: string, title: string) => ({ id, title, publisher: null, published: null, type: 'news' as const, reliability: 'C' as const, url: null, verified: true });

describe('the lineage drawing', () => {
  it('escapes every text from the store: a title is data, never markup', () => {
    const lineage: ClaimLineage = {
      claimId: 'c',
      nodes: [
        { source: link('a', '<script>alert(1)</script> & "quotes"'), depth: 0, date: '2026-01', flags: ['appearance', 'first'], deadEnd: null, appearance: { positions: [0], date: '2026-01', note: null, said: null, figure: { value: 8, low: null, high: null, unit: 'ratio' } } },
        { source: link('b', "O'Brien <img src=x onerror=alert(1)>"), depth: 1, date: null, flags: ['root'], deadEnd: null, appearance: null },
      ],
      edges: [{ from: 'a', to: 'b', basis: 'inferred', locator: '</title><script>', inferredBy: 'x', note: null, claimSpecific: false, flags: ['inferred'] }],
      mutations: [],
      groups: [],
      first: { sourceIds: ['a'], date: '2026-01', certain: true },
      counts: { appearances: 1, sources: 1, independent: 1, independentStated: 1, nodes: 2, flagged: 0 },
      evidence: { groups: [], byStance: { supports: { entries: 0, sources: 0, independent: 0, sharedUpstream: [] }, contradicts: { entries: 0, sources: 0, independent: 0, sharedUpstream: [] }, qualifies: { entries: 0, sources: 0, independent: 0, sharedUpstream: [] }, context: { entries: 0, sources: 0, independent: 0, sharedUpstream: [] } } },
      truncated: false,
      names: {},
    };
    const svg = renderLineageSvg(lineage);
    expect(svg).not.toMatch(/<script|<img|<\/title><script/);
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('O&#39;Brien');
    expect(svg.match(/data-source-id="/g)).toHaveLength(2);
    expect(svg).toContain('class="lineage-edge edge-inferred" data-edge="a&gt;b"');
    expect(svg).toContain('8×');
  });
});
