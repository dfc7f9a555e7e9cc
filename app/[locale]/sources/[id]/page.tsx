import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { formatDay } from '@/i18n/format';
import { notFound } from 'next/navigation';
import { CiteMenu } from '@/app/_components/cite-menu';
import { EditorOnly } from '@/app/_components/editor-only';
import { EvidenceEntry } from '@/app/_components/evidence-groups';
import { ReadStatus } from '@/app/_components/read-status';
import { ReliabilityBadge } from '@/app/_components/reliability-badge';
import { SourceClaimsList, VerdictBreakdown } from '@/app/_components/source-claims';
import { SourceCaptures } from '@/app/_components/source-captures';
import { SourceTitle } from '@/app/_components/source-title';
import { LineageNeighbourhood } from '@/app/_components/lineage-neighbourhood';
import { getSourceCaptures } from '@/lib/captures/queries';
import { getDb } from '@/lib/db';
import { feedAlternates } from '@/lib/feeds/alternates';
import { getSourceLineage } from '@/lib/lineage/queries';
import { getSource } from '@/lib/sources/source-page';

// Cached like the claim pages; refreshed after any write (data-version cache handler).
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { id: string }[] {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const source = await getSource(await getDb(), id);
  if (!source) return { title: 'Source not found' };
  const description = `${source.type} · ${[source.publisher, source.published].filter(Boolean).join(', ')} · reliability ${source.reliability}: ${source.claimCount} claims and ${source.evidenceCount} evidence entries rest on it.`;
  return {
    title: source.title,
    description,
    alternates: { canonical: `/sources/${source.id}`, types: feedAlternates(`/sources/${source.id}/feed`) },
    openGraph: { type: 'article', title: source.title, description, url: `/sources/${source.id}` },
  };
}

const SOURCE_TYPE_WORDS: Record<string, string> = {
  report: 'A report',
  news: 'A news article',
  paper: 'A paper',
  dataset: 'A dataset',
  'official-statistics': 'Official statistics',
  podcast: 'A podcast',
  blog: 'A blog post',
  social: 'A social-media post',
};

/** Source URLs and copies may come from people: no endorsement for search engines, no opener for the target. */
const USER_LINK_REL = 'nofollow ugc noopener noreferrer';


export default async function SourcePage({ params }: Props) {
  const { id } = await params;
  const t = await getTranslations('source');
  const grades = await getTranslations('grades');
  const format = await getFormatter();
  const db = await getDb();
  const source = await getSource(db, id);
  if (!source) notFound();
  const lineage = await getSourceLineage(db, id);
  const captures = await getSourceCaptures(db, source.id);

  return (
    <article className="source">
      <p className="meta">{t('kind')} · {source.type}</p>
      <h1 lang={source.lang} dir="auto">{source.title}</h1>
      {source.mergedInto ? (
        <p className="notice" role="note">
          This record was merged into <SourceTitle source={source.mergedInto} showMeta={false} />.
        </p>
      ) : null}

      <section className="source-box" aria-labelledby="source-box-heading">
        <h2 id="source-box-heading" className="visually-hidden">
          {t('box')}
        </h2>
        <dl className="verdict-box-facts">
          <dt>{t('grade')}</dt>
          <dd>
            <ReliabilityBadge grade={source.reliability} /> <strong>{grades(`${source.reliability}.label`)}.</strong> {source.reliabilityReason}
          </dd>
          <dt>{t('what')}</dt>
          <dd>
            {SOURCE_TYPE_WORDS[source.type] ?? source.type}
            {source.publisher ? <>, published by {source.publisher}</> : null}
            {source.published ? <>, <time dateTime={source.published}>{source.published}</time></> : null}
            {source.authors.length ? <>; by {source.authors.join(', ')}</> : null}
          </dd>
          <dt>{t('read')}</dt>
          <dd>
            <ReadStatus verified={source.verified} long />
          </dd>
          <dt>{t('claimsOn')}</dt>
          <dd>
            {source.claims.total > 0 ? (
              <VerdictBreakdown total={source.claims.total} counts={source.verdictBreakdown} />
            ) : (
              <span className="meta">{t('none')}</span>
            )}
          </dd>
        </dl>
      </section>

      <dl className="source-facts">
        <dt>{t('authors')}</dt>
        <dd>{source.authors.length ? source.authors.join(', ') : <span className="meta">not named</span>}</dd>
        <dt>{t('publisher')}</dt>
        <dd>{source.publisher ?? <span className="meta">unknown</span>}</dd>
        <dt>{t('published')}</dt>
        <dd>{source.published ? <time dateTime={source.published}>{formatDay(format, source.published)}</time> : <span className="meta">undated</span>}</dd>
        <dt>{t('language')}</dt>
        <dd>{source.lang}</dd>
        <dt>{t('original')}</dt>
        <dd>
          {source.url ? (
            <a href={source.url} rel={USER_LINK_REL}>
              {source.url}
            </a>
          ) : (
            <span className="meta">no public original URL</span>
          )}
          {source.accessed ? <span className="meta"> (accessed {source.accessed})</span> : null}
        </dd>
        {source.copies.length ? (
          <>
            <dt>{t('copies')}</dt>
            <dd>
              <ul>
                {source.copies.map((c) => (
                  <li key={c.url}>
                    <span className="badge">{c.kind} copy</span>{' '}
                    <a href={c.url} rel={USER_LINK_REL}>
                      {c.url}
                    </a>
                    {c.note ? <span className="meta"> — <bdi>{c.note}</bdi></span> : null}
                  </li>
                ))}
              </ul>
              <p className="meta">Copies are not the original: quotes are checked against the original where it can be read.</p>
            </dd>
          </>
        ) : null}
      </dl>

      <SourceCaptures sourceId={source.id} captures={captures.items} total={captures.total} textPublic={captures.textPublic} licence={captures.licence} hasUrl={source.url !== null} />

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">{t('claims', { count: format.number(source.claims.total) })}</h2>
        <SourceClaimsList sourceId={source.id} page={source.claims} />
      </section>

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t('evidence', { count: format.number(source.evidence.total) })}</h2>
        {source.evidence.items.length ? (
          source.evidence.items.map((e) => (
            <div key={e.id}>
              <p>
                <span className={`badge stance stance-${e.stance}`}>{e.stance}</span> <Link href={`/claims/${e.claimId}`}>{e.claimTitle}</Link>
              </p>
              <EvidenceEntry item={e} showSource={false} />
            </div>
          ))
        ) : (
          <p className="meta">None.</p>
        )}
        {source.evidence.next ? (
          <p>
            <Link href={`/sources/${source.id}/evidence?cursor=${source.evidence.next}`}>
              More evidence from it ({(source.evidence.total - source.evidence.items.length).toLocaleString('en')} more) →
            </Link>
          </p>
        ) : null}
      </section>

      <LineageNeighbourhood source={source} lineage={lineage} />
      <CiteMenu kind="source" id={source.id} />
      <p className="meta">
        JSON: <a href={`/api/sources/${source.id}`}>/api/sources/{source.id}</a> · <Link href={`/sources/${source.id}/history`}>{t('history')}</Link>
        <EditorOnly>
          {' · '}
          <Link href={`/sources/${source.id}/edit`}>Edit or merge this source</Link>
        </EditorOnly>
      </p>
    </article>
  );
}
