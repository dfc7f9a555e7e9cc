import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { locale as rootLocale } from 'next/root-params';
import { DEFAULT_LOCALE, LOCALES } from './locales';

/**
 * next-intl's request configuration. The locale is not read from cookies or headers here:
 * that would make every page dynamic and end the page cache. proxy.ts negotiates it (cookie,
 * else Accept-Language) and rewrites the request to /{locale}/…, so the locale is a root
 * param, part of the path Next caches a page under: each locale has its own cache entry.
 */
export default getRequestConfig(async () => {
  const param = await rootLocale();
  const locale = hasLocale(LOCALES, param) ? param : DEFAULT_LOCALE;
  return {
    locale,
    messages: (await import(`../messages/${locale}/index.ts`)).default,
    // Dates are calendar dates of the record; UTC keeps a day from shifting with the server's zone.
    timeZone: 'UTC',
  };
});
