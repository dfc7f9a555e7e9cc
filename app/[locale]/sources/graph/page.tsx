import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LineageRootsTable } from '@/app/_components/lineage-roots';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { getDb } from '@/lib/db';
import { lineageRootsQuerySchema, listLineageRoots } from '@/lib/lineage/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.sourceGraph');
  return { title: t('title'), description: t('metaDescription'), openGraph: { title: t('ogTitle') } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LineageRootsPage({ searchParams }: Props) {
  const t = await getTranslations('pages.sourceGraph');
  const counts = await getTranslations('pages.counts');
  const { query, ignored } = parsePageParams(lineageRootsQuerySchema, await searchParams);
  const db = await getDb();
  const page = await withCursorOrFirstPage(query, ignored, (q) => listLineageRoots(db, q));
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lede">{t('lede')}</p>
      {ignored.length ? <p className="meta">{t('ignored', { params: ignored.join(', ') })}</p> : null}
      <CountLine total={page.total} lowerBound={page.totalIsLowerBound} one={counts('root.one')} many={counts('root.many')} />
      <LineageRootsTable roots={page.items} />
      <Pagination basePath="/sources/graph" params={{ pageSize: query.pageSize === 25 ? undefined : String(query.pageSize) }} next={page.next} prev={page.prev} />
    </>
  );
}
