/** The drawn size of the stored charts (lib/numbers/chart.ts), so a page reserves their space before they load. */
export const CHART_WIDTH = 560;

export function claimChartHeight(comparisons: number): number {
  return 60 + (1 + comparisons) * 26 + 84;
}

export function seriesChartHeight(members: number): number {
  return 60 + members * 40 + 84;
}
