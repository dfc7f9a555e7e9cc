import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { LineageList, LineageSummary } from '@/app/_components/lineage-graph';
import { getClaimSummary } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { getClaimLineage } from '@/lib/lineage/queries';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await getClaimSummary(await getDb(), id);
  const t = await getTranslations('claimParts');
  return { title: claim ? t('lineagePage.title', { title: claim.title }) : t('page.notFoundTitle') };
}

/** The claim page's citation graph as a nested list, on its own page so the claim page stays small. */
export default async function ClaimLineagePage({ params }: Props) {
  const { id } = await params;
  const t = await getTranslations('claimParts');
  const db = await getDb();
  const claim = await getClaimSummary(db, id);
  if (!claim) notFound();
  const lineage = await getClaimLineage(db, id);
  return (
    <article>
      <p className="meta">
        <Link href={`/claims/${claim.id}#chain-heading`}>← <bdi>{claim.title}</bdi></Link>
      </p>
      <h1>{t('lineagePage.heading')}</h1>
      {lineage && lineage.nodes.length ? (
        <div className="lineage">
          <LineageSummary lineage={lineage} />
          <p>
            <Link href={`/claims/${claim.id}/lineage.svg`}>{t('lineagePage.drawing')}</Link> · <Link href="/methodology#lineage">{t('lineage.howCounted')}</Link>
          </p>
          <h2 id="lineage-list-heading">{t('lineagePage.asList')}</h2>
          <LineageList lineage={lineage} />
        </div>
      ) : (
        <p className="meta">{t('lineage.none')}</p>
      )}
    </article>
  );
}
