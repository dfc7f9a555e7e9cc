import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * A list's filters, folded behind "Filter and sort" on small screens (open when a filter is set)
 * and always shown on wider ones (globals.css opens the details there). No script: cached pages work as they are.
 */
export function FilterPanel({ active, children }: { active: boolean; children: ReactNode }) {
  const t = useTranslations('pages.filterPanel');
  return (
    <details className="filters-panel" open={active || undefined}>
      <summary>{t('summary')}</summary>
      {children}
    </details>
  );
}
