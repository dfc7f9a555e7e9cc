import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ClaimRow } from '@/app/_components/claim-row';
import { VerdictBreakdown } from '@/app/_components/source-claims';
import { getClaimantPage } from '@/lib/claims/claimant-page';
import { getDb } from '@/lib/db';

// Cached like the claim pages; refreshed after any write (data-version cache handler).
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { id: string }[] {
  return [];
}

type Props = { params: Promise<{ id: string }> };

function nameOf(id: string): string | null {
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const name = nameOf((await params).id);
  const page = name ? await getClaimantPage(await getDb(), name) : null;
  const t = await getTranslations('pages.claimant');
  if (!page) return { title: t('notFound') };
  // "15 claims: 1 false, 4 misleading." in the reader's language, as the page's breakdown says it.
  const breakdown = await getTranslations('breakdown');
  const verdicts = await getTranslations('verdicts');
  const format = await getFormatter();
  const counts = page.verdictBreakdown.map((c) => breakdown('count', { count: format.number(c.count), verdict: verdicts(`${c.verdict}.label`).toLowerCase() }));
  const description = t('description', { total: breakdown('total', { count: page.total, formatted: format.number(page.total) }), counts: counts.join(breakdown('separator')) });
  return { title: t('title', { name: page.name }), description };
}

/** A claimant's scorecard: every current claim whose file names them, by verdict, and the first page of those claims. */
export default async function ClaimantPage({ params }: Props) {
  const name = nameOf((await params).id);
  const page = name ? await getClaimantPage(await getDb(), name) : null;
  if (!page) notFound();
  const t = await getTranslations('pages.claimant');
  const format = await getFormatter();
  const listHref = `/claims?claimant=${encodeURIComponent(page.name)}`;
  return (
    <article className="claimant">
      <p className="meta">{t('kind')}</p>
      <h1>{page.name}</h1>
      <p className="meta">{t('about')}</p>
      <section aria-labelledby="scorecard-heading" className="scorecard">
        <h2 id="scorecard-heading">{t('scorecard')}</h2>
        <VerdictBreakdown total={page.total} counts={page.verdictBreakdown} />
      </section>
      <section aria-labelledby="claimant-claims-heading">
        <h2 id="claimant-claims-heading">{t('claims')}</h2>
        <ul className="claim-list">
          {page.claims.items.map((c) => (
            <ClaimRow key={c.id} claim={c} />
          ))}
        </ul>
        {page.claims.next ? (
          <p>
            <Link href={`${listHref}&cursor=${encodeURIComponent(page.claims.next)}`}>
              {t('more', { more: format.number(page.total - page.claims.items.length) })}
            </Link>
          </p>
        ) : null}
        <p className="meta">
          <Link href={listHref}>{t('all')}</Link>
        </p>
      </section>
    </article>
  );
}
