import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { SourceClaimsList } from '@/app/_components/source-claims';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { getDb } from '@/lib/db';
import { listSourceClaims, sourceClaimsQuerySchema } from '@/lib/sources/list-queries';
import { getSourceLink } from '@/lib/sources/source-page';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const source = await getSourceLink(await getDb(), id);
  const t = await getTranslations('pages.sourceClaims');
  return { title: source ? t('title', { title: source.title }) : t('notFound'), robots: { index: false } };
}

/** Every current claim resting on one source, a keyset page at a time. */
export default async function SourceClaimsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const db = await getDb();
  const source = await getSourceLink(db, id);
  if (!source) notFound();
  const t = await getTranslations('pages.sourceClaims');
  const counts = await getTranslations('pages.counts');
  const { query, ignored } = parsePageParams(sourceClaimsQuerySchema, await searchParams);
  const page = await withCursorOrFirstPage(query, ignored, (q) => listSourceClaims(db, id, q));
  return (
    <article>
      <p className="meta">
        <Link href={`/sources/${id}`}>← <bdi>{source.title}</bdi></Link>
      </p>
      <h1>{t('heading')}</h1>
      <CountLine total={page.total} lowerBound={page.totalIsLowerBound} one={counts('claim.one')} many={counts('claim.many')} />
      <SourceClaimsList sourceId={id} page={{ ...page, next: null }} />
      <Pagination basePath={`/sources/${id}/claims`} params={{}} next={page.next} prev={page.prev} />
    </article>
  );
}
