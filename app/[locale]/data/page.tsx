import type { Metadata } from 'next';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { CLAIM_REVIEW_FEED_PAGE_SIZE, CLAIM_REVIEW_FEED_PATH } from '@/lib/citations/claim-review-feed';
import { FEED_ENTRY_LIMIT } from '@/lib/feeds/entries';
import { readOpenDataManifest } from '@/lib/open-data/published';

// The dataset is written by the CLI outside the data version: read its manifest per request.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.data');
  return { title: t('title'), description: t('metaDescription') };
}

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export default function OpenDataPage() {
  const t = useTranslations('pages.data');
  const format = useFormatter();
  const manifest = readOpenDataManifest();
  return (
    <article>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      {manifest ? (
        <>
          <p className="meta">
            {t.rich('exported', {
              when: manifest.generatedAt.replace('T', ' ').slice(0, 16),
              name: manifest.licence.name,
              time: (chunks: ReactNode) => <time dateTime={manifest.generatedAt}>{chunks}</time>,
              licence: (chunks: ReactNode) => <a href={manifest.licence.url}>{chunks}</a>,
              file: (chunks: ReactNode) => <a href="/data/LICENCE.txt">{chunks}</a>,
            })}
          </p>
          <table>
            <thead>
              <tr>
                <th>{t('file')}</th>
                <th>{t('size')}</th>
                <th>{t('rows')}</th>
                <th>SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {manifest.files.map((f) => (
                <tr key={f.name}>
                  <td>
                    <a href={`/data/${f.name}`} download>
                      {f.name}
                    </a>
                  </td>
                  <td>{size(f.bytes)}</td>
                  <td>{f.rows !== undefined ? format.number(f.rows) : ''}</td>
                  <td>
                    <code>{f.sha256.slice(0, 12)}…</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="notice" role="note">
          {t.rich('none', { code: (chunks: ReactNode) => <code>{chunks}</code> })}
        </p>
      )}
      <h2>{t('other')}</h2>
      <ul>
        <li>
          {t.rich('claimReview', { size: String(CLAIM_REVIEW_FEED_PAGE_SIZE), feed: (chunks: ReactNode) => <a href={CLAIM_REVIEW_FEED_PATH}>{chunks}</a> })}
        </li>
        <li>
          {t.rich('feeds', {
            limit: String(FEED_ENTRY_LIMIT),
            atom: (chunks: ReactNode) => <a href="/feed.atom">{chunks}</a>,
            json: (chunks: ReactNode) => <a href="/feed.json">{chunks}</a>,
          })}
        </li>
        <li>
          {t.rich('more', {
            sitemap: (chunks: ReactNode) => <a href="/sitemap.xml">{chunks}</a>,
            methodology: (chunks: ReactNode) => <Link href="/methodology">{chunks}</Link>,
          })}
        </li>
      </ul>
    </article>
  );
}
