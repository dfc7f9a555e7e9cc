import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { HeaderSearch } from '@/app/_components/header-search';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { SessionIndicator } from '@/app/_components/session-indicator';
import { LOCALES } from '@/i18n/locales';
import { getSiteOrigin } from '@/lib/citations/permalink';
import { feedAlternates } from '@/lib/feeds/alternates';
import '@/app/globals.css';

// One prerendered shell per interface language; proxy.ts picks which one a reader gets.
export function generateStaticParams(): { locale: string }[] {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('layout');
  return {
    metadataBase: new URL(getSiteOrigin()),
    title: { default: t('brand'), template: `%s · ${t('brand')}` },
    description: t('description'),
    openGraph: { siteName: t('brand'), type: 'website' },
    alternates: { types: feedAlternates('/feed') },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default async function RootLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(LOCALES, locale)) notFound();
  const t = await getTranslations('layout');
  // Client components get only what they use: the error page's namespace, not the catalogue.
  const { error } = await getMessages();
  const link = (href: string) =>
    function FooterLink(chunks: ReactNode) {
      return <Link href={href}>{chunks}</Link>;
    };
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t('skip')}
        </a>
        <header className="site-header">
          <div className="wrap header-inner">
            <Link href="/" className="brand">
              {t('brand')}
            </Link>
            <nav aria-label={t('nav.label')}>
              <ul>
                <li><Link href="/claims">{t('nav.claims')}</Link></li>
                <li><Link href="/sources">{t('nav.sources')}</Link></li>
                <li><Link href="/methodology">{t('nav.methodology')}</Link></li>
                <li><Link href="/about">{t('nav.about')}</Link></li>
              </ul>
            </nav>
            <HeaderSearch />
            <SessionIndicator
              labels={{ signIn: t('session.signIn'), signOut: t('session.signOut'), review: t('session.review'), intake: t('session.intake'), signedInAs: t.raw('session.signedInAs') as string }}
            />
            <LanguageSwitch current={locale} />
          </div>
        </header>
        <main id="main" className="wrap">
          <NextIntlClientProvider messages={{ error }}>{children}</NextIntlClientProvider>
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              {t.rich('footer', {
                methodology: link('/methodology'),
                corrections: link('/methodology#corrections'),
                about: link('/about'),
                code: (chunks) => <code>{chunks}</code>,
              })}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
