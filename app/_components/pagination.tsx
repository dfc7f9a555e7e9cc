import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * Previous/next links of a keyset-paginated list, keeping the other URL parameters (filters
 * live in the URL). Cursors come from the list itself: page 5,000 is one index seek away.
 */
export function Pagination({
  basePath,
  params,
  next,
  prev,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  next: string | null;
  prev: string | null;
}) {
  const t = useTranslations('pages.pagination');
  if (!next && !prev) return null;
  const href = (cursor: string | null) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== 'cursor') search.set(k, v);
    if (cursor) search.set('cursor', cursor);
    const qs = search.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  return (
    <nav className="pagination" aria-label={t('label')}>
      {prev ? (
        <span>
          <Link href={href(null)}>{t('first')}</Link> <Link href={href(prev)} rel="prev">{t('previous')}</Link>
        </span>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={href(next)} rel="next">
          {t('next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** "1,234 claims", or "1,000+ claims" when a combination of filters was counted up to a cap. */
export function CountLine({ total, lowerBound, one, many }: { total: number; lowerBound: boolean; one: string; many: string }) {
  return (
    <p className="meta" aria-live="polite">
      {total.toLocaleString('en')}
      {lowerBound ? '+' : ''} {total === 1 && !lowerBound ? one : many}
    </p>
  );
}
