import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { FLAG_LABELS } from '@/lib/lineage/format';
import { LINEAGE_MAX_DEPTH, LINEAGE_MAX_NODES } from '@/lib/lineage/graph';

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** The /methodology section on lineage: how the graph is built, what is flagged, what "independent" means and its limits. */
export function LineageMethodology() {
  const t = useTranslations('pages.lineageMethodology');
  return (
    <section aria-labelledby="lineage">
      <h2 id="lineage">{t('heading')}</h2>
      <p>{t.rich('citations', { strong })}</p>
      <p>{t('graph', { depth: String(LINEAGE_MAX_DEPTH), nodes: String(LINEAGE_MAX_NODES) })}</p>
      <dl className="legend">
        {Object.keys(FLAG_LABELS).map((flag) => (
          <div key={flag}>
            <dt>{t(`flags.${flag}.label`)}</dt>
            <dd>{t(`flags.${flag}.meaning`)}</dd>
          </div>
        ))}
      </dl>
      <h3 id="independence">{t('independence.heading')}</h3>
      <p>{t.rich('independence.text', { strong })}</p>
      <p>{t('limits.heading')}</p>
      <ul>
        <li>{t('limits.recorded')}</li>
        <li>{t('limits.lowerBound')}</li>
        <li>{t('limits.deadEnd')}</li>
        <li>{t('limits.accuracy')}</li>
        <li>{t('limits.first')}</li>
      </ul>
      <p>{t.rich('roots', { link: (chunks: ReactNode) => <Link href="/sources/graph">{chunks}</Link> })}</p>
    </section>
  );
}
