import type { Metadata } from 'next';
import Link from 'next/link';
import { CLAIM_REVIEW_FEED_PAGE_SIZE, CLAIM_REVIEW_FEED_PATH } from '@/lib/citations/claim-review-feed';
import { FEED_ENTRY_LIMIT } from '@/lib/feeds/entries';
import { readOpenDataManifest } from '@/lib/open-data/published';

// The dataset is written by the CLI outside the data version: read its manifest per request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Open data', description: 'Download the Claim Ledger as open data: claims, sources, evidence, confidence notes, quantities and revisions.' };

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export default function OpenDataPage() {
  const manifest = readOpenDataManifest();
  return (
    <article>
      <h1>Open data</h1>
      <p>
        The ledger&apos;s public content as a dataset: claims, quantities, sources, evidence, confidence notes and the revision log, each as JSON Lines and CSV, with a data
        dictionary. Nothing private is in it: no accounts, tokens, proposals awaiting review, unaccepted sources, archived copies&apos; texts, drafts, or the names of who wrote
        an entry.
      </p>
      {manifest ? (
        <>
          <p className="meta">
            Exported <time dateTime={manifest.generatedAt}>{manifest.generatedAt.replace('T', ' ').slice(0, 16)} UTC</time> · licence{' '}
            <a href={manifest.licence.url}>{manifest.licence.name}</a> (quoted excerpts stay under their sources&apos; terms; see <a href="/data/LICENCE.txt">LICENCE.txt</a>)
          </p>
          <table>
            <thead>
              <tr>
                <th>File</th>
                <th>Size</th>
                <th>Rows</th>
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
                  <td>{f.rows !== undefined ? f.rows.toLocaleString('en') : ''}</td>
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
          No dataset has been exported yet. Run <code>npm run claims -- export --open</code> on the server.
        </p>
      )}
      <h2>Other machine-readable forms</h2>
      <ul>
        <li>
          <a href={CLAIM_REVIEW_FEED_PATH}>ClaimReview data feed</a> (schema.org DataFeed, JSON-LD; {CLAIM_REVIEW_FEED_PAGE_SIZE} reviews per page, the next page in the
          Link header)
        </li>
        <li>
          Feeds of the newest {FEED_ENTRY_LIMIT} changes: <a href="/feed.atom">Atom</a> · <a href="/feed.json">JSON Feed</a>; each claim, source and topic has its own
        </li>
        <li>
          <a href="/sitemap.xml">sitemap.xml</a> · citations of any claim or source as BibTeX, RIS or CSL-JSON (its page&apos;s Cite menu) · <Link href="/methodology">methodology</Link>
        </li>
      </ul>
    </article>
  );
}
