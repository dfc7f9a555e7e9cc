import type { Metadata } from 'next';
import Link from 'next/link';
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
  if (!version) return { title: 'Claim revision not found' };
  return {
    title: `${version.title} (revision ${version.revision})`,
    alternates: { canonical: `/claims/${version.id}/v/${version.revision}` },
    // The claim page is the one to find; revisions are for citations that pin one.
    robots: { index: false },
  };
}

/** /claims/{id}/v/{n}: the claim as its revision n stated it, the permalink citations pin. */
export default async function ClaimVersionPage({ params }: Props) {
  const version = await load(params);
  if (!version) notFound();
  const newer = version.latestRevision > version.revision;
  return (
    <article className="claim claim-version">
      {newer ? (
        <p className="notice" role="note">
          <strong>An older revision.</strong> This is revision {version.revision} of the claim; revision {version.latestRevision} is newer.{' '}
          <Link href={`/claims/${version.id}`}>See the current claim</Link> or <Link href={`/claims/${version.id}/history`}>what changed</Link>.
        </p>
      ) : (
        <p className="meta">
          Revision {version.revision}, the current one. <Link href={`/claims/${version.id}`}>The claim page</Link> shows its evidence and notes.
        </p>
      )}
      {version.withdrawn ? (
        <p className="notice" role="note">
          <strong>Withdrawn</strong> at this revision.
        </p>
      ) : null}
      <header className="claim-header">
        <p className="meta">Claim · revision {version.revision} of <time dateTime={version.at}>{version.at.slice(0, 10)}</time>{version.topics.length ? ` · topics: ${version.topics.join(', ')}` : ''}</p>
        <h1>{version.title}</h1>
        <p className="statement">{version.statement}</p>
        <p>
          Claimant: <strong>{version.claimant}</strong>
        </p>
        <p>
          Verdict at this revision: <strong>{version.verdict.label}</strong>
          {version.verdictDate ? <span className="meta"> (as of <time dateTime={version.verdictDate}>{version.verdictDate}</time>)</span> : null}
        </p>
        {version.summary ? <p>{version.summary}</p> : null}
        {version.reason ? <p className="meta">Why this revision: {version.reason}</p> : null}
      </header>
      <section aria-labelledby="cite-heading">
        <h2 id="cite-heading">Cite this revision</h2>
        <p className="meta">
          Permalink: <a href={`/claims/${version.id}/v/${version.revision}`}>{getClaimVersionPermalink(version.id, version.revision)}</a>
        </p>
        <CiteMenu kind="claim" id={version.id} revision={version.revision} />
      </section>
    </article>
  );
}
