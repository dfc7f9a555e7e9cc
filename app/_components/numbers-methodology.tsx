import { TOLERANCE } from '@/lib/numbers/tolerance';
import { UNITS } from '@/lib/numbers/units';

/** How the numbers are compared (methodology page): read from the same constants the comparison uses. */
export function NumbersMethodology() {
  const dimensions = new Map<string, string[]>();
  for (const [key, u] of Object.entries(UNITS)) dimensions.set(u.dimension, [...(dimensions.get(u.dimension) ?? []), key]);
  return (
    <section aria-labelledby="numbers">
      <h2 id="numbers">How figures are compared</h2>
      <p>
        Each figure is stored as a value or a range (either end may be open) in a unit, with the measure it is a figure of. A claimed figure is set against
        every evidence figure of the same measure, and of measures listed as related (shown with what they measure instead), as a ratio and a difference.
        Evidence that only repeats who made the claim is shown but not counted. Money in another currency is not compared; money of another price year is
        compared as nominal and says so. The deviation is the median of |log₁₀(claimed ÷ evidence)| over the independent figures.
      </p>
      <p>Two claims of one measure and overlapping period are listed as possible contradictions when their figures are further apart than:</p>
      <ul>
        {Object.entries(TOLERANCE).map(([dimension, t]) => (
          <li key={dimension}>
            {dimension} ({(dimensions.get(dimension) ?? []).join(', ')}): {t.kind === 'factor' ? `a factor of ${t.factor}` : `${t.gap} percentage points`}
          </li>
        ))}
      </ul>
    </section>
  );
}
