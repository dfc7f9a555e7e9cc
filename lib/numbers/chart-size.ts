/**
 * The drawn size and scale of the stored charts (lib/numbers/chart.ts): a page reserves their
 * space before they load, and a write decides the scale without loading the drawing code.
 */
export const CHART_WIDTH = 560;

export function claimChartHeight(comparisons: number): number {
  return 60 + (1 + comparisons) * 26 + 84;
}

export function seriesChartHeight(members: number): number {
  return 60 + members * 40 + 84;
}

/** Log scale when every figure is positive and they spread more than tenfold. */
export function needsLogScale(values: number[]): boolean {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2 || finite.some((v) => v <= 0)) return false;
  return Math.max(...finite) / Math.min(...finite) > 10;
}
