import type { Metadata } from 'next';
import { LineageRootsTable } from '@/app/_components/lineage-roots';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { getDb } from '@/lib/db';
import { lineageRootsQuerySchema, listLineageRoots } from '@/lib/lineage/queries';

export const metadata: Metadata = {
  title: 'Upstream roots',
  description: 'The sources at the top of citation chains, by how many claims and sources derive from them.',
  openGraph: { title: 'Upstream roots · Claim Ledger' },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LineageRootsPage({ searchParams }: Props) {
  const { query, ignored } = parsePageParams(lineageRootsQuerySchema, await searchParams);
  const db = await getDb();
  const page = await withCursorOrFirstPage(query, ignored, (q) => listLineageRoots(db, q));
  return (
    <>
      <h1>Upstream roots</h1>
      <p className="lede">
        Sources that cite nothing recorded and that other sources derive from: the press releases, notes and datasets whole chains of repeats rest on.
        Many claims on one root are one confirmation, not many.
      </p>
      {ignored.length ? <p className="meta">Ignored unknown or invalid parameters: {ignored.join(', ')}.</p> : null}
      <CountLine total={page.total} lowerBound={page.totalIsLowerBound} one="root" many="roots" />
      <LineageRootsTable roots={page.items} />
      <Pagination basePath="/sources/graph" params={{ pageSize: query.pageSize === 25 ? undefined : String(query.pageSize) }} next={page.next} prev={page.prev} />
    </>
  );
}
