'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';

// Shown for unexpected server errors. It says nothing about the cause: details stay in the server log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // Its four strings come from the layout's NextIntlClientProvider, which passes only this namespace.
  const t = useTranslations('error');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('text')}</p>
      <p>
        <button type="button" onClick={() => reset()}>
          {t('retry')}
        </button>{' '}
        <Link href="/">{t('home')}</Link>
      </p>
    </>
  );
}
