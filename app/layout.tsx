import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { HeaderSearch } from './_components/header-search';
import { SessionIndicator } from './_components/session-indicator';
import { VerdictIconSprite } from './_components/verdict-icon';
import { getSiteOrigin } from '@/lib/citations/permalink';
import { feedAlternates } from '@/lib/feeds/alternates';
import './globals.css';

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(getSiteOrigin()),
    title: { default: 'Claim Ledger', template: '%s · Claim Ledger' },
    description: 'Claim Ledger tracks factual claims back to their primary sources, with evidence, verdicts and confidence you can check.',
    openGraph: { siteName: 'Claim Ledger', type: 'website' },
    alternates: { types: feedAlternates('/feed') },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <VerdictIconSprite />
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap header-inner">
            <Link href="/" className="brand">
              Claim Ledger
            </Link>
            <nav aria-label="Site">
              <ul>
                <li><Link href="/claims">Claims</Link></li>
                <li><Link href="/sources">Sources</Link></li>
                <li><Link href="/methodology">Methodology</Link></li>
                <li><Link href="/about">About</Link></li>
              </ul>
            </nav>
            <HeaderSearch />
            <SessionIndicator />
          </div>
        </header>
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              Claim Ledger: every verdict links to its evidence, every excerpt to its source. Read <Link href="/methodology">how we rate claims</Link> and
              our <Link href="/methodology#corrections">corrections policy</Link>; <Link href="/about">who runs it and how to request a correction</Link>. Data as JSON: <code>/api/claims</code>, <code>/api/sources</code>.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
