import { useTranslations } from 'next-intl';
import { TOLERANCE } from '@/lib/numbers/tolerance';
import { UNITS } from '@/lib/numbers/units';

/** How the numbers are compared (methodology page): read from the same constants the comparison uses. */
export function NumbersMethodology() {
  const t = useTranslations('pages.numbersMethodology');
  const dimensions = new Map<string, string[]>();
  for (const [key, u] of Object.entries(UNITS)) dimensions.set(u.dimension, [...(dimensions.get(u.dimension) ?? []), key]);
  return (
    <section aria-labelledby="numbers">
      <h2 id="numbers">{t('heading')}</h2>
      <p>{t('text')}</p>
      <p>{t('contradictions')}</p>
      <ul>
        {Object.entries(TOLERANCE).map(([dimension, tolerance]) => (
          <li key={dimension}>
            {t('tolerance', {
              dimension: t.has(`dimensions.${dimension}`) ? t(`dimensions.${dimension}`) : dimension,
              units: (dimensions.get(dimension) ?? []).join(', '),
              limit: tolerance.kind === 'factor' ? t('factor', { factor: String(tolerance.factor) }) : t('points', { gap: String(tolerance.gap) }),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
