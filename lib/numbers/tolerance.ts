import type { Dimension } from './units';

/**
 * How far two claims' figures for one measure may differ before they are listed as possible
 * contradictions. A factor for quantities that scale (money, multiples, counts), an absolute gap
 * for shares (percent) and changes of share (percentage points), where a ratio misleads near zero.
 * The claims must overlap in period (as_of) and be in the same unit.
 */
export const TOLERANCE: Record<Dimension, { kind: 'factor'; factor: number } | { kind: 'absolute'; gap: number }> = {
  currency: { kind: 'factor', factor: 1.5 },
  multiple: { kind: 'factor', factor: 1.25 },
  count: { kind: 'factor', factor: 1.1 },
  compute: { kind: 'factor', factor: 2 },
  tokens: { kind: 'factor', factor: 2 },
  duration: { kind: 'factor', factor: 1.25 },
  share: { kind: 'absolute', gap: 2 },
  'share-change': { kind: 'absolute', gap: 0.5 },
};
