import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CiteMenu } from '@/app/_components/cite-menu';
import { getClaimVersionPermalink } from '@/lib/citations/permalink';
import { getClaimVersion } from '@/lib/citations/queries';
import { getDb } from '@/lib/db';

// Cached like the claim page; the "newer revision" notice follows the data version.
export const dynamicParams = true;
export const revalidate = false;
export function generateStaticParams(): { id: string; n: string }[] {
  return [];
}

type Props = { params: Promise<{ id: string; n: string }> };

async function load(params: Props['params']) {
  const { id, n } = await params;
  if (!/^\d{1,9}$/.test(n)) return null;
  return getClaimVersion(await getDb(), id, Number(n));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const version = await load(params);
  const t = await getTranslations('claimParts.version');
  if (!version) return { title: t('notFoundTitle') };
  return {
    title: t('title', { title: version.title, revision: version.revision }),
    alternates: { canonical: `/claims/${version.id}/v/${version.revision}` },
    // The claim page is the one to find; revisions are for citations that pin one.
    robots: { index: false },
  };
}

/** /claims/{id}/v/{n}: the claim as its revision n stated it, the permalink citations pin. */
export default async function ClaimVersionPage({ params }: Props) {
  const version = await load(params);
  if (!version) notFound();
  const t = await getTranslations('claimParts.version');
  const tVerdicts = await getTranslations('verdicts');
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const newer = version.latestRevision > version.revision;
  return (
    <article className="claim claim-version">
      {newer ? (
        <p className="notice" role="note">
          {t.rich('older', {
            revision: version.revision,
            latest: version.latestRevision,
            strong,
            current: (chunks) => <Link href={`/claims/${version.id}`}>{chunks}</Link>,
            history: (chunks) => <Link href={`/claims/${version.id}/history`}>{chunks}</Link>,
          })}
        </p>
      ) : (
        <p className="meta">
          {t.rich('current', { revision: version.revision, link: (chunks) => <Link href={`/claims/${version.id}`}>{chunks}</Link> })}
        </p>
      )}
      {version.withdrawn ? (
        <p className="notice" role="note">
          {t.rich('withdrawn', { strong })}
        </p>
      ) : null}
      <header className="claim-header">
        <p className="meta">
          {t.rich('meta', { revision: version.revision, date: version.at.slice(0, 10), time: (chunks) => <time dateTime={version.at}>{chunks}</time> })}
          {version.topics.length ? t('topics', { topics: version.topics.join(', ') }) : ''}
        </p>
        <h1>{version.title}</h1>
        <p className="statement">{version.statement}</p>
        <p>{t.rich('claimant', { claimant: version.claimant, strong })}</p>
        <p>
          {t.rich('verdict', { verdict: tVerdicts(`${version.verdict.value}.label`), strong })}
          {version.verdictDate ? (
            <span className="meta">{t.rich('asOf', { date: version.verdictDate, time: (chunks) => <time dateTime={version.verdictDate}>{chunks}</time> })}</span>
          ) : null}
        </p>
        {version.summary ? <p>{version.summary}</p> : null}
        {version.reason ? <p className="meta">{t('why', { reason: version.reason })}</p> : null}
      </header>
      <section aria-labelledby="cite-heading">
        <h2 id="cite-heading">{t('cite')}</h2>
        <p className="meta">
          {t('permalink')}
          <a href={`/claims/${version.id}/v/${version.revision}`}>{getClaimVersionPermalink(version.id, version.revision)}</a>
        </p>
        <CiteMenu kind="claim" id={version.id} revision={version.revision} />
      </section>
    </article>
  );
}
