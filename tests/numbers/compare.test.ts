import { describe, expect, it } from 'vitest';
import type { StoredQuantity } from '../../lib/numbers/columns';
import { conflictOf, differenceOf, moneyBasis, periodsOverlap, periodOf, positionOf, ratioOf } from '../../lib/numbers/compare';

const q = (over: Partial<StoredQuantity>): StoredQuantity => ({
  value: null, low: null, high: null, unit: 'USD', measure: 'training-cost.gpt-4', asOf: '2023', priceYear: null, geography: null, basis: null, note: null, text: null, ...over,
});
const iv = (low: number | null, high: number | null) => ({ low, high });

describe('a claimed figure against an evidence figure', () => {
  it.each([
    ['a point above a point', iv(500, 500), iv(78.4, 78.4), 'above'],
    ['a point below a point', iv(4, 4), iv(8, 8), 'below'],
    ['equal points', iv(17, 17), iv(17, 17), 'matches'],
    ['a point inside an open-ended range (over 100)', iv(500, 500), iv(100, null), 'inside'],
    ['a point below an open-ended range', iv(50, 50), iv(100, null), 'below'],
    ['a range spanning a point', iv(1.5, 34), iv(30, 30), 'contains'],
    ['a range overlapping a range', iv(1.5, 34), iv(30, 35), 'overlaps'],
    ['a range entirely above a range', iv(40, 50), iv(30, 35), 'above'],
    ['an open-low claim (at most 5) against a point above it', iv(null, 5), iv(8, 8), 'below'],
  ] as const)('%s', (_name, claimed, evidence, position) => {
    expect(positionOf(claimed, evidence)).toBe(position);
  });

  it('gives the ratio as an interval, open where a bound is open', () => {
    expect(ratioOf(iv(500, 500), iv(78.4, 78.4))!.low).toBeCloseTo(6.3776, 3);
    expect(ratioOf(iv(500, 500), iv(100, null))).toEqual({ low: null, high: 5 });
    expect(ratioOf(iv(1.5, 34), iv(30, 35))).toEqual({ low: 1.5 / 35, high: 34 / 30 });
    expect(ratioOf(iv(-2, -1.5), iv(-1.7, -1.7))).toBeNull();
  });

  it('gives the difference as an interval, signed claimed minus evidence', () => {
    expect(differenceOf(iv(-2, -1.5), iv(-1.7, -1.7))).toEqual({ low: -2 + 1.7, high: -1.5 + 1.7 });
    expect(differenceOf(iv(500, 500), iv(100, null))).toEqual({ low: null, high: 400 });
  });

  it('never converts money silently: another currency is not compared, another price year is compared as nominal and says so', () => {
    expect(moneyBasis(q({ value: 1 }), q({ value: 1, unit: 'EUR' }))).toMatchObject({ comparable: false, note: expect.stringMatching(/EUR to USD needs an exchange rate/) });
    expect(moneyBasis(q({ value: 1, asOf: '2025' }), q({ value: 1, asOf: '2024-12' }))).toMatchObject({ comparable: true, note: expect.stringMatching(/^nominal: 2024 money against 2025 money/) });
    expect(moneyBasis(q({ value: 1, asOf: '2023' }), q({ value: 1, asOf: '2023', priceYear: 2023 }))).toEqual({ comparable: true, note: null });
  });
});

describe('possible contradictions between claims', () => {
  it('flags money figures of one measure and period more than 1.5× apart, and not those within it', () => {
    expect(conflictOf(q({ value: 500e6 }), q({ value: 100e6 }))).toMatchObject({ tolerance: 'more than 1.5× apart' });
    expect(conflictOf(q({ value: 500e6 }), q({ value: 400e6 }))).toBeNull();
  });

  it('does not compare claims of other measures, other periods, other units or other price years', () => {
    expect(conflictOf(q({ value: 500e6 }), q({ value: 1e6, measure: 'training-cost.gpt-3' }))).toBeNull();
    expect(conflictOf(q({ value: 500e6, asOf: '2023' }), q({ value: 1e6, asOf: '2024' }))).toBeNull();
    expect(conflictOf(q({ value: 500e6 }), q({ value: 1e6, unit: 'EUR' }))).toBeNull();
    expect(conflictOf(q({ value: 500e6, priceYear: 2023 }), q({ value: 1e6, priceYear: 2020 }))).toBeNull();
  });

  it('treats an undated claim and a coarser date as overlapping any period inside it', () => {
    expect(periodsOverlap(periodOf('2025'), periodOf('2025-10'))).toBe(true);
    expect(periodsOverlap(periodOf(null), periodOf('2020'))).toBe(true);
    expect(periodsOverlap(periodOf('2025-09'), periodOf('2025-10'))).toBe(false);
  });

  it('uses an absolute gap for shares: 2 percentage points between percents', () => {
    const share = (over: Partial<StoredQuantity>) => q({ unit: 'percent', measure: 'ai-use-rate.us-firms-250plus', asOf: '2025-08', ...over });
    expect(conflictOf(share({ value: 14 }), share({ value: 11.7 }))).toMatchObject({ tolerance: 'more than 2 pp apart' });
    expect(conflictOf(share({ value: 13.4 }), share({ value: 12 }))).toBeNull();
    expect(conflictOf(share({ low: 1.5, high: 34 }), share({ value: 36 }))).toBeNull();
    expect(conflictOf(share({ low: 1.5, high: 34 }), share({ value: 36.5 }))).not.toBeNull();
  });
});
