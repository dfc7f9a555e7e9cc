'use client';

import { useSyncExternalStore } from 'react';
import { isLocale, LOCALE_COOKIE, localeOfTag, type Locale } from '@/i18n/locales';

/**
 * It renders outside the locale layout, without the catalogue: its three strings are here in
 * both languages. The reader's language is the switch's cookie, else the page's lang, else the
 * browser's; English first, so the server's and the browser's first render agree.
 */
const TEXT: Record<Locale, { heading: string; body: string; retry: string }> = {
  en: { heading: 'Something went wrong', body: 'The page could not be shown. Please try again in a moment.', retry: 'Try again' },
  'zh-Hant': { heading: '發生錯誤', body: '無法顯示此頁面。請稍後再試一次。', retry: '再試一次' },
};

function readerLocale(): Locale {
  const cookie = document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  if (isLocale(cookie)) return cookie;
  for (const tag of [document.documentElement.lang, ...(navigator.languages ?? []), navigator.language]) {
    const locale = tag ? localeOfTag(tag) : null;
    if (locale) return locale;
  }
  return 'en';
}

/** The language does not change while the error shows: nothing to subscribe to. */
const subscribe = () => () => {};

// Replaces the root layout when it fails; keeps the same no-internals message.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // English on the server and in the hydrating render, the reader's language right after.
  const locale = useSyncExternalStore(subscribe, readerLocale, () => 'en' as Locale);
  const text = TEXT[locale];
  return (
    <html lang={locale}>
      <body>
        <main>
          <h1>{text.heading}</h1>
          <p>{text.body}</p>
          <button type="button" onClick={() => reset()}>
            {text.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
