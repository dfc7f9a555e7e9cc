import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { SourceClaimUse } from '@/lib/sources/dto';
import type { KeysetPage } from '@/lib/shared/keyset';
import type { Verdict } from '@/lib/shared/vocabulary';
import { VerdictBadge } from './verdict-badge';

/** Plain English words for a breakdown (page descriptions): "15 claims: 1 false, 4 misleading, …" (the badges say the same in colour and shape). */
export function describeBreakdown(total: number, counts: { verdict: Verdict; label: string; count: number }[], noun = ['claim', 'claims']): string {
  return `${total.toLocaleString('en')} ${total === 1 ? noun[0] : noun[1]}: ${counts.map((c) => `${c.count.toLocaleString('en')} ${c.label.toLowerCase()}`).join(', ')}`;
}

/** "15 claims: 1 false, 4 misleading…" in the reader's language, each count in its verdict's badge. */
export function VerdictBreakdown({ total, counts }: { total: number; counts: { verdict: Verdict; label: string; count: number }[] }) {
  const t = useTranslations('breakdown');
  const tv = useTranslations('verdicts');
  const format = useFormatter();
  if (total === 0) return null;
  const items = counts.map((c) => ({ verdict: c.verdict, text: t('count', { count: format.number(c.count), verdict: tv(`${c.verdict}.label`).toLowerCase() }) }));
  const heading = t('total', { count: total, formatted: format.number(total) });
  return (
    <div className="verdict-breakdown">
      <p className="verdict-breakdown-total">
        <strong>{heading}</strong>
      </p>
      <ul className="verdict-counts" aria-label={`${heading} ${items.map((i) => i.text).join(t('separator'))}`}>
        {items.map((i) => (
          <li key={i.verdict}>
            <VerdictBadge verdict={i.verdict} label={i.text} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One page of the claims resting on a source, each with its verdict and how it rests there. */
export function SourceClaimsList({ sourceId, page, morePath }: { sourceId: string; page: KeysetPage<SourceClaimUse>; morePath?: string }) {
  const t = useTranslations('sourceClaims');
  const format = useFormatter();
  if (page.items.length === 0) return <p className="meta">{t('none')}</p>;
  const base = morePath ?? `/sources/${sourceId}/claims`;
  return (
    <>
      <ul className="source-claims">
        {page.items.map((c) => (
          <li key={c.id}>
            <VerdictBadge verdict={c.verdict} /> <Link href={`/claims/${c.id}`}><bdi>{c.title}</bdi></Link>{' '}
            <span className="meta">— {c.roles.map((r) => t(`roles.${r}`)).join(t('separator'))}</span>
          </li>
        ))}
      </ul>
      {page.next ? (
        <p>
          <Link href={`${base}?cursor=${page.next}`}>
            {t('more', { count: format.number(page.total - page.items.length) })}
          </Link>
        </p>
      ) : null}
    </>
  );
}
