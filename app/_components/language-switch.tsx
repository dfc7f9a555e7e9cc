import { useTranslations } from 'next-intl';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/i18n/locales';

/**
 * The header's language choice: a plain POST form, so it works without JavaScript. /language
 * sets the cookie and sends the reader back to the page they were on (the Referer: the page is
 * cached and cannot print its own address into a shared layout).
 */
export function LanguageSwitch({ current }: { current: Locale }) {
  const t = useTranslations('layout');
  return (
    <form method="post" action="/language" className="language-switch" aria-label={t('language')}>
      {LOCALES.map((locale) => (
        <button key={locale} type="submit" name="locale" value={locale} lang={locale} className="link-button" aria-pressed={locale === current} disabled={locale === current}>
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
