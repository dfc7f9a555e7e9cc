import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LineageList, LineageSummary } from '@/app/_components/lineage-graph';
import { getClaimSummary } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';
import { getClaimLineage } from '@/lib/lineage/queries';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const claim = await getClaimSummary(await getDb(), id);
  return { title: claim ? `How it spread: ${claim.title}` : 'Claim not found' };
}

/** The claim page's citation graph as a nested list, on its own page so the claim page stays small. */
export default async function ClaimLineagePage({ params }: Props) {
  const { id } = await params;
  const db = await getDb();
  const claim = await getClaimSummary(db, id);
  if (!claim) notFound();
  const lineage = await getClaimLineage(db, id);
  return (
    <article>
      <p className="meta">
        <Link href={`/claims/${claim.id}#chain-heading`}>← <bdi>{claim.title}</bdi></Link>
      </p>
      <h1>How it spread</h1>
      {lineage && lineage.nodes.length ? (
        <div className="lineage">
          <LineageSummary lineage={lineage} />
          <p>
            <Link href={`/claims/${claim.id}/lineage.svg`}>The drawing</Link> · <Link href="/methodology#lineage">how this is counted</Link>
          </p>
          <h2 id="lineage-list-heading">The citation graph as a list</h2>
          <LineageList lineage={lineage} />
        </div>
      ) : (
        <p className="meta">No appearance is recorded for this claim.</p>
      )}
    </article>
  );
}
