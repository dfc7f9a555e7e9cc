import { describe, expect, it } from 'vitest';
import { computeLineage, dateInterval, figuresAgree, LINEAGE_MAX_DEPTH, type LineageAppearance, type LineageInput } from '../../lib/lineage/graph';
import type { Citation } from '../../lib/sources/citations';

// Graph rules on small hand-made fixtures: each source with its own citations, appearances of
// one claim in them, and evidence. No database: the rules are a pure function.

type SourceSpec = { cites?: (string | Partial<Citation> & { source: string })[]; verified?: boolean; grade?: string; published?: string | null };

function fixture(
  sources: Record<string, SourceSpec>,
  appearances: (Partial<LineageAppearance> & { sourceId: string })[],
  evidence: LineageInput['evidence'] = [],
): LineageInput {
  const cite = (c: string | (Partial<Citation> & { source: string })): Citation =>
    typeof c === 'string' ? { source: c, basis: 'stated', locator: null, inferred_by: null, note: null } : { basis: 'stated', locator: null, inferred_by: null, note: null, ...c };
  return {
    appearances: appearances.map((a, position) => ({ position, date: null, note: null, said: null, figure: null, citesOwn: false, cites: [], ...a })),
    evidence,
    sources: new Map(Object.entries(sources).map(([id, s]) => [id, { id, published: s.published ?? null, verified: s.verified ?? true, reliability: s.grade ?? 'B' }])),
    sourceCites: new Map(Object.entries(sources).map(([id, s]) => [id, (s.cites ?? []).map(cite)])),
  };
}

const node = (l: ReturnType<typeof computeLineage>, id: string) => l.nodes.find((n) => n.id === id)!;

describe('independence', () => {
  it('counts three articles citing one press release as 1 independent source in 3 appearances', () => {
    const l = computeLineage(
      fixture(
        { a: { cites: ['pr'] }, b: { cites: ['pr'] }, c: { cites: ['pr'] }, pr: { grade: 'A' } },
        [{ sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'c' }],
      ),
    );
    expect(l.counts).toMatchObject({ appearances: 3, sources: 3, independent: 1, independentStated: 1 });
    expect(l.groups).toEqual([{ roots: ['pr'], members: ['a', 'b', 'c'] }]);
  });

  it('counts two unrelated surveys as 2 independent sources', () => {
    const l = computeLineage(fixture({ s1: { grade: 'A' }, s2: { grade: 'A' } }, [{ sourceId: 's1' }, { sourceId: 's2' }]));
    expect(l.counts).toMatchObject({ sources: 2, independent: 2 });
    expect(l.groups.map((g) => g.roots)).toEqual([['s1'], ['s2']]);
  });

  it('counts a derived copy with its original as one, and a source that cites two origins as neither', () => {
    // b repeats a; d draws on both a and c: at most a and c are independent of each other.
    const l = computeLineage(
      fixture({ a: { grade: 'A' }, b: { cites: ['a'] }, c: { grade: 'A' }, d: { cites: ['a', 'c'] } }, [{ sourceId: 'b' }, { sourceId: 'a' }, { sourceId: 'd' }, { sourceId: 'c' }]),
    );
    expect(l.counts).toMatchObject({ sources: 4, independent: 2 });
  });

  it('counts an inferred link, and says what the count would be without it', () => {
    const l = computeLineage(
      fixture(
        { blog: { cites: [{ source: 'essay', basis: 'inferred', inferred_by: 'editor', note: 'same wording' }] }, essay: {} },
        [{ sourceId: 'blog' }, { sourceId: 'essay' }],
      ),
    );
    expect(l.counts).toMatchObject({ sources: 2, independent: 1, independentStated: 2 });
    expect(l.edges).toEqual([expect.objectContaining({ from: 'blog', to: 'essay', basis: 'inferred', inferredBy: 'editor', flags: ['inferred'] })]);
  });

  it('groups evidence by its upstream root and says when all supporting evidence shares one', () => {
    const l = computeLineage(
      fixture(
        { cnn: { cites: ['note'] }, ltn: { cites: ['note'] }, cd: { cites: ['mw'] }, mw: { cites: ['note'], verified: false }, note: { verified: false }, index: { grade: 'A' }, vc: { cites: ['index'] } },
        [{ sourceId: 'cnn' }],
        [
          { sourceId: 'cnn', stance: 'supports', entries: 2 },
          { sourceId: 'ltn', stance: 'supports', entries: 1 },
          { sourceId: 'cd', stance: 'supports', entries: 1 },
          { sourceId: 'vc', stance: 'contradicts', entries: 1 },
          { sourceId: 'index', stance: 'contradicts', entries: 1 },
        ],
      ),
    );
    // Four entries (two from CNN) from three sources, all derived from one note.
    expect(l.evidence.byStance.supports).toEqual({ entries: 4, sources: 3, independent: 1, sharedUpstream: ['note'] });
    expect(l.evidence.byStance.contradicts).toMatchObject({ entries: 2, sources: 2, independent: 1, sharedUpstream: ['index'] });
    expect(l.evidence.groups).toEqual([
      { roots: ['note'], sources: ['cd', 'cnn', 'ltn'], entries: 4 },
      { roots: ['index'], sources: ['index', 'vc'], entries: 2 },
    ]);
  });
});

describe('flags', () => {
  it('flags a mutation with both figures, across a source that states none', () => {
    const l = computeLineage(
      fixture({ agg: { cites: ['wire'] }, wire: { cites: ['note'] }, note: { grade: 'A' } }, [
        { sourceId: 'agg', figure: { value: 8, low: null, high: null, unit: 'ratio' } },
        { sourceId: 'wire' },
        { sourceId: 'note', figure: { value: 4, low: null, high: null, unit: 'ratio' } },
      ]),
    );
    expect(l.mutations).toEqual([{ from: 'agg', to: 'note', via: ['wire'], fromFigure: expect.objectContaining({ value: 8 }), toFigure: expect.objectContaining({ value: 4 }) }]);
    expect(node(l, 'agg').flags).toContain('mutation');
    expect(node(l, 'note').flags).not.toContain('mutation');
    expect(l.edges.find((e) => e.from === 'agg')?.flags).toContain('mutation');
  });

  it('does not flag a figure that repeats its source, or one inside the range upstream', () => {
    const l = computeLineage(
      fixture({ a: { cites: ['b'] }, b: { cites: ['c'] }, c: { grade: 'A' } }, [
        { sourceId: 'a', figure: { value: 12, low: null, high: null, unit: 'percent' } },
        { sourceId: 'b', figure: { value: null, low: 11.7, high: 14, unit: 'percent' } },
        { sourceId: 'c', figure: { value: null, low: 11.7, high: 14, unit: 'percent' } },
      ]),
    );
    expect(l.mutations).toEqual([]);
    expect(figuresAgree({ value: 4, low: null, high: null, unit: 'ratio' }, { value: 4, low: null, high: null, unit: 'percent' })).toBe(false);
  });

  it('flags a cycle (A cites B cites A) on both sources and both links, and still ends', () => {
    const l = computeLineage(fixture({ a: { cites: ['b'] }, b: { cites: ['a'] } }, [{ sourceId: 'a' }]));
    expect(l.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(node(l, 'a').flags).toContain('cycle');
    expect(node(l, 'b').flags).toContain('cycle');
    expect(l.edges.every((e) => e.flags.includes('cycle'))).toBe(true);
    expect(l.counts.independent).toBe(1);
  });

  it('flags a dead end: a cited source not found, and one not read', () => {
    const l = computeLineage(fixture({ a: { cites: ['gone', 'unread'] }, unread: { verified: false } }, [{ sourceId: 'a' }]));
    expect(node(l, 'gone')).toMatchObject({ deadEnd: 'not-found', flags: expect.arrayContaining(['dead-end']) });
    expect(node(l, 'unread')).toMatchObject({ deadEnd: 'not-read', flags: expect.arrayContaining(['dead-end']) });
    expect(node(l, 'unread').flags).not.toContain('unsourced');
  });

  it('flags a read source that cites nothing and is not primary, but not a primary one', () => {
    const l = computeLineage(fixture({ aggregator: { grade: 'D' }, census: { grade: 'A' } }, [{ sourceId: 'aggregator' }, { sourceId: 'census' }]));
    expect(node(l, 'aggregator').flags).toContain('unsourced');
    expect(node(l, 'census').flags).not.toContain('unsourced');
    expect(node(l, 'census').flags).toContain('root');
  });

  it('lets an appearance say what it cited for this claim instead of its source record', () => {
    const l = computeLineage(
      fixture({ essay: { cites: ['note'] }, note: {} }, [{ sourceId: 'essay', citesOwn: true, cites: [] }]),
    );
    expect(l.nodes.map((n) => n.id)).toEqual(['essay']);
    expect(node(l, 'essay').flags).toContain('unsourced');
  });

  it('stops at the depth bound and marks where it stopped', () => {
    const chain: Record<string, SourceSpec> = {};
    for (let i = 0; i <= LINEAGE_MAX_DEPTH + 3; i++) chain[`s${i}`] = { cites: [`s${i + 1}`] };
    const l = computeLineage(fixture(chain, [{ sourceId: 's0' }]));
    expect(l.truncated).toBe(true);
    expect(l.nodes).toHaveLength(LINEAGE_MAX_DEPTH + 1);
    expect(l.nodes.at(-1)?.flags).toContain('truncated');
  });
});

describe('first appearance', () => {
  it('is the earliest dated appearance', () => {
    const l = computeLineage(
      fixture({ a: {}, b: {}, c: { published: '2025-09-07' } }, [{ sourceId: 'a', date: '2025-10-18' }, { sourceId: 'b', date: '2025-10' }, { sourceId: 'c' }]),
    );
    expect(l.first).toEqual({ sourceIds: ['c'], date: '2025-09-07', certain: true });
    expect(node(l, 'c').flags).toContain('first');
  });

  it('puts a source before the ones deriving from it when their dates cannot tell', () => {
    const l = computeLineage(fixture({ repeat: { cites: ['note'] }, note: {} }, [{ sourceId: 'repeat', date: '2025-10' }, { sourceId: 'note', date: '2025-10' }]));
    expect(l.first).toEqual({ sourceIds: ['note'], date: '2025-10', certain: true });
  });

  it('names every candidate when the dates cannot order them', () => {
    const l = computeLineage(fixture({ a: {}, b: {} }, [{ sourceId: 'b', date: '2025-10' }, { sourceId: 'a', date: '2025-10-17' }]));
    expect(l.first).toEqual({ sourceIds: ['a', 'b'], date: '2025-10-17', certain: false });
    expect(dateInterval('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
  });
});
