import { getTranslations } from 'next-intl/server';
import { getCiteMenu } from '@/lib/citations/menu';
import { getDb } from '@/lib/db';

/**
 * The "Cite" menu of a claim or source page: its reference in APA, the files reference managers
 * import, and the other bundled styles. A claim's exports carry its sources' bibliography.
 */
export async function CiteMenu({ kind, id, revision }: { kind: 'claim' | 'source'; id: string; revision?: number }) {
  const menu = await getCiteMenu(await getDb(), kind, id, revision);
  if (!menu) return null;
  const t = await getTranslations('claimParts.cite');
  return (
    <details className="cite-menu">
      <summary>{t('summary')}</summary>
      <p className="cite-box">{menu.reference}</p>
      <p className="meta">
        {t('download')}
        {menu.links.map((l, i) => (
          <span key={l.href}>
            {i > 0 ? ' · ' : ''}
            <a href={l.href} download>
              {l.label}
            </a>
          </span>
        ))}
      </p>
      <p className="meta">
        {t('otherStyles')}
        {menu.styles.map((s, i) => (
          <span key={s.href}>
            {i > 0 ? ' · ' : ''}
            <a href={s.href}>{s.label}</a>
          </span>
        ))}
      </p>
    </details>
  );
}
