import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { EvidenceEntry } from '@/app/_components/evidence-groups';
import { CountLine, Pagination } from '@/app/_components/pagination';
import { parsePageParams, withCursorOrFirstPage } from '@/app/_lib/search-params';
import { getDb } from '@/lib/db';
import { listSourceEvidence, sourceClaimsQuerySchema } from '@/lib/sources/list-queries';
import { getSourceLink } from '@/lib/sources/source-page';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const source = await getSourceLink(await getDb(), id);
  const t = await getTranslations('pages.sourceEvidence');
  return { title: source ? t('title', { title: source.title }) : t('notFound'), robots: { index: false } };
}

/** Every accepted evidence entry drawn from one source, a keyset page at a time. */
export default async function SourceEvidencePage({ params, searchParams }: Props) {
  const { id } = await params;
  const db = await getDb();
  const source = await getSourceLink(db, id);
  if (!source) notFound();
  const t = await getTranslations('pages.sourceEvidence');
  const counts = await getTranslations('pages.counts');
  const stances = await getTranslations('stances');
  const { query, ignored } = parsePageParams(sourceClaimsQuerySchema, await searchParams);
  const page = await withCursorOrFirstPage(query, ignored, (q) => listSourceEvidence(db, id, q));
  return (
    <article>
      <p className="meta">
        <Link href={`/sources/${id}`}>← <bdi>{source.title}</bdi></Link>
      </p>
      <h1>{t('heading')}</h1>
      <CountLine total={page.total} lowerBound={page.totalIsLowerBound} one={counts('entry.one')} many={counts('entry.many')} />
      {page.items.map((e) => (
        <div key={e.id}>
          <p>
            <span className={`badge stance stance-${e.stance}`}>{stances.has(e.stance) ? stances(e.stance) : e.stance}</span> <Link href={`/claims/${e.claimId}`}>{e.claimTitle}</Link>
          </p>
          <EvidenceEntry item={e} showSource={false} />
        </div>
      ))}
      <Pagination basePath={`/sources/${id}/evidence`} params={{}} next={page.next} prev={page.prev} />
    </article>
  );
}
