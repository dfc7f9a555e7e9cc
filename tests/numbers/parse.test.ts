import { describe, expect, it } from 'vitest';
import { parseFigure } from '../../lib/numbers/parse';
import { quantitySchema } from '../../lib/numbers/schema';

type Row = [input: string, expected: Record<string, number | string>, options?: Parameters<typeof parseFigure>[1]];

const READS: Row[] = [
  ['5 億美元', { value: 500_000_000, unit: 'USD' }],
  ['US$0.5 billion', { value: 500_000_000, unit: 'USD' }],
  ['500M', { value: 500_000_000, unit: 'USD' }, { defaultUnit: 'USD' }],
  ['50,000 萬', { value: 500_000_000, unit: 'USD' }, { defaultUnit: 'USD' }],
  ['34%', { value: 34, unit: 'percent' }],
  ['34％', { value: 34, unit: 'percent' }],
  ['$78M', { value: 78_000_000, unit: 'USD' }],
  ['$78.4M', { value: 78_400_000, unit: 'USD' }],
  ['78 million', { value: 78_000_000, unit: 'USD' }, { defaultUnit: 'USD' }],
  ['$4,324,883', { value: 4_324_883, unit: 'USD' }],
  ['US$1.2 trillion', { value: 1_200_000_000_000, unit: 'USD' }],
  ['$2.5bn', { value: 2_500_000_000, unit: 'USD' }],
  ['USD 63 million', { value: 63_000_000, unit: 'USD' }],
  ['500000000 USD', { value: 500_000_000, unit: 'USD' }],
  ['NT$3,000 億', { value: 300_000_000_000, unit: 'TWD' }],
  ['1.5 兆新台幣', { value: 1_500_000_000_000, unit: 'TWD' }],
  ['€40 Mrd', { value: 40_000_000_000, unit: 'EUR' }, { locale: 'de' }],
  ['17x', { value: 17, unit: 'ratio' }],
  ['17 倍', { value: 17, unit: 'ratio' }],
  ['4.2×', { value: 4.2, unit: 'ratio' }],
  ['2 percentage points', { value: 2, unit: 'percentage-points' }],
  ['2 個百分點', { value: 2, unit: 'percentage-points' }],
  ['-1.5 pp', { value: -1.5, unit: 'percentage-points' }],
  ['-2 to -1.5 pp', { low: -2, high: -1.5, unit: 'percentage-points' }],
  ['1.5%–34%', { low: 1.5, high: 34, unit: 'percent' }],
  ['1.5–34%', { low: 1.5, high: 34, unit: 'percent' }],
  ['about 30 to 35 percent', { low: 30, high: 35, unit: 'percent' }],
  ['between 41 and 78 million', { low: 41_000_000, high: 78_000_000, unit: 'USD' }, { defaultUnit: 'USD' }],
  ['$4.6–5 million', { low: 4_600_000, high: 5_000_000, unit: 'USD' }],
  ['$50M - $5B', { low: 50_000_000, high: 5_000_000_000, unit: 'USD' }],
  ['over $100 million', { low: 100_000_000, unit: 'USD' }],
  ['超過 1,000 億美元', { low: 100_000_000_000, unit: 'USD' }],
  ['220 家', { value: 220, unit: 'count' }],
  ['220 institutions', { value: 220, unit: 'count' }],
  ['2e25 FLOP', { value: 2e25, unit: 'FLOP' }],
  ['14 months', { value: 14, unit: 'months' }],
  ['3 個月', { value: 3, unit: 'months' }],
  ['under 5%', { high: 5, unit: 'percent' }],
];

describe('the figure parser reads what people write into an exact value and unit', () => {
  it.each(READS)('reads %s', (input, expected, options) => {
    const result = parseFigure(input, options);
    expect(result.ok ? result.figure : result.message).toEqual(expected);
  });

  it('shows back a reading with the exact number for large values, so a person can confirm it', () => {
    const result = parseFigure('5 億美元');
    expect(result.ok && result.reading).toBe('US$500M (500,000,000 USD)');
    expect(parseFigure('1.5%–34%')).toMatchObject({ reading: '1.5%–34%' });
    expect(parseFigure('over $100 million')).toMatchObject({ reading: 'at least US$100M (100,000,000 USD)' });
  });
});

const REFUSALS: [input: string, message: RegExp, options?: Parameters<typeof parseFigure>[1]][] = [
  ['', /is empty/],
  ['500M', /names no unit/],
  ['50,000 萬', /names no unit/],
  ['1,250', /names no unit/],
  ['12 apples', /"apples" is not a unit/],
  ['US$2 billion', /"billion" means 10¹² in fr/, { locale: 'fr' }],
  ['3 trillion', /"trillion" means 10¹⁸ in de-AT/, { locale: 'de-AT', defaultUnit: 'EUR' }],
  ['5 兆', /"兆" means 10¹² in Taiwan/, { locale: 'zh-CN', defaultUnit: 'CNY' }],
  ['¥500', /both yen and yuan/],
  ['1,5%', /decimal comma/],
  ['34% – 8 pp', /different units/],
  ['34%–8%', /from low to high/],
  ['1–2–3%', /more than two numbers/],
  ['over 1–2%', /a range with "over"/],
  ['seventeen times', /does not start with a number/],
];

describe('the figure parser refuses what could be read two ways, saying what to write', () => {
  it.each(REFUSALS)('refuses %j', (input, message, options) => {
    const result = parseFigure(input, options);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });
});

describe('a figure that names no unit', () => {
  // The message suggests ways to write the unit in; each must be one the parser then reads.
  it.each(['500M', '78 million', '$78M', '50,000 萬', '1,250', '1.5–34', '4.6–5 million', 'over 100 million', 'about 40', 'between 2 and 3 billion', '100 萬以上', '20 or more'].filter((t) => !parseFigure(t).ok))('suggests only spellings it reads, for %j', (input) => {
    const result = parseFigure(input);
    expect(result.ok ? '' : result.message).toMatch(/names no unit/);
    const suggestions = [...(result.ok ? '' : result.message).matchAll(/"([^"]+)"/g)].map((m) => m[1]!).filter((s) => s !== input);
    expect(suggestions.length).toBeGreaterThanOrEqual(1);
    for (const s of suggestions) expect(parseFigure(s), s).toMatchObject({ ok: true });
  });
});

describe('the quantity schema', () => {
  const base = { unit: 'USD', measure: 'training-cost.gpt-4' } as const;

  it('accepts a value, a closed range, and a range open at either end', () => {
    for (const figure of [{ value: 5e8 }, { low: 4.1e7, high: 7.8e7 }, { low: 1e8 }, { high: 1e9 }]) {
      expect(quantitySchema.safeParse({ ...base, ...figure }).success).toBe(true);
    }
  });

  it('refuses a figure without value or bounds, both at once, or reversed bounds, naming the field', () => {
    const paths = (q: object) => (quantitySchema.safeParse({ ...base, ...q }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths({})).toEqual([expect.stringMatching(/^value: give a value, or low and\/or high/)]);
    expect(paths({ value: 1, low: 1 })).toEqual([expect.stringMatching(/^value: give either value or low\/high/)]);
    expect(paths({ low: 2, high: 1 })).toEqual(['low: low must not exceed high']);
  });

  it('refuses an unknown measure, a unit of another dimension, and a price year on a non-money figure', () => {
    const issues = (q: object) => (quantitySchema.safeParse(q).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ value: 1, unit: 'USD', measure: 'training-cost.gpt-9' })).toEqual([expect.stringMatching(/^measure: unknown measure "training-cost.gpt-9".*db\/seed\/measures.json/)]);
    expect(issues({ value: 34, unit: 'percent', measure: 'training-cost.gpt-4' })).toEqual(['unit: measure "training-cost.gpt-4" is a currency figure; unit percent is share']);
    expect(issues({ value: 17, unit: 'ratio', measure: 'misallocation-multiple.dotcom', price_year: 2025 })).toEqual(['price_year: a price year is for money; ratio is not a currency']);
  });
});
