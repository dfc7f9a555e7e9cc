import { describe, expect, it } from 'vitest';
import { createClaimChartRenderer, renderClaimChart } from '../../lib/numbers/chart';
import type { StoredQuantity } from '../../lib/numbers/columns';
import type { EvidenceFigure } from '../../lib/numbers/compare';
import { buildClaimNumbers } from '../../lib/numbers/refresh';

const q = (over: Partial<StoredQuantity>): StoredQuantity => ({
  value: null, low: null, high: null, unit: 'USD', measure: 'training-cost.gpt-4', asOf: '2023', priceYear: null, geography: null, basis: null, note: null, text: null, ...over,
});
const figure = (value: number, stance = 'contradicts'): EvidenceFigure => ({
  evidenceId: `e-${value}-${stance}`, sourceId: 'epoch-ai', sourceTitle: 'Epoch AI', stance, target: 'value', quantity: q({ value }),
});

describe('the claim chart renderer of one refresh', () => {
  it('draws claims that show the same figures the same, whatever their id and title, and exactly as a fresh drawing', () => {
    const draw = createClaimChartRenderer();
    const a = buildClaimNumbers({ id: 'gpt4-cost', title: 'GPT-4 cost $500M' }, q({ value: 500e6 }), [figure(78e6)]);
    const b = buildClaimNumbers({ id: 'gpt4-cost-copy', title: 'A copy of it' }, q({ value: 500e6 }), [figure(78e6)]);
    expect(draw(a)).toBe(renderClaimChart(a));
    expect(draw(b)).toBe(renderClaimChart(b));
  });

  it('draws again when anything drawn differs: the claimed figure, an evidence figure, its stance', () => {
    const draw = createClaimChartRenderer();
    const base = buildClaimNumbers({ id: 'c1', title: 't' }, q({ value: 500e6 }), [figure(78e6)]);
    const variants = [
      buildClaimNumbers({ id: 'c2', title: 't' }, q({ value: 400e6 }), [figure(78e6)]),
      buildClaimNumbers({ id: 'c3', title: 't' }, q({ value: 500e6 }), [figure(79e6)]),
      buildClaimNumbers({ id: 'c4', title: 't' }, q({ value: 500e6 }), [figure(78e6, 'supports')]),
    ];
    const first = draw(base);
    for (const v of variants) {
      expect(draw(v)).toBe(renderClaimChart(v));
      expect(draw(v)).not.toBe(first);
    }
  });
});
