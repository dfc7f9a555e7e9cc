import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimRow } from '@/app/_components/claim-row';
import { describeBreakdown, VerdictBreakdown } from '@/app/_components/source-claims';
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
  if (!page) return { title: 'Claimant not found' };
  return { title: `Claims by ${page.name}`, description: `${describeBreakdown(page.total, page.verdictBreakdown)}.` };
}

/** A claimant's scorecard: every current claim whose file names them, by verdict, and the first page of those claims. */
export default async function ClaimantPage({ params }: Props) {
  const name = nameOf((await params).id);
  const page = name ? await getClaimantPage(await getDb(), name) : null;
  if (!page) notFound();
  const listHref = `/claims?claimant=${encodeURIComponent(page.name)}`;
  return (
    <article className="claimant">
      <p className="meta">Claimant</p>
      <h1>{page.name}</h1>
      <p className="meta">As the claim files name them: a person or organisation, and how the claim reached us.</p>
      <section aria-labelledby="scorecard-heading" className="scorecard">
        <h2 id="scorecard-heading">How their claims were rated</h2>
        <VerdictBreakdown total={page.total} counts={page.verdictBreakdown} />
      </section>
      <section aria-labelledby="claimant-claims-heading">
        <h2 id="claimant-claims-heading">Their claims</h2>
        <ul className="claim-list">
          {page.claims.items.map((c) => (
            <ClaimRow key={c.id} claim={c} />
          ))}
        </ul>
        {page.claims.next ? (
          <p>
            <Link href={`${listHref}&cursor=${encodeURIComponent(page.claims.next)}`}>
              More of their claims ({(page.total - page.claims.items.length).toLocaleString('en')} more) →
            </Link>
          </p>
        ) : null}
        <p className="meta">
          <Link href={listHref}>All their claims, with filters and sorting</Link>
        </p>
      </section>
    </article>
  );
}
