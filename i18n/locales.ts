/**
 * The interface languages and how a request picks one. Plain functions without Next imports:
 * proxy.ts negotiates with them before any page renders, and tests call them directly.
 */

export const LOCALES = ['en', 'zh-Hant'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie the language switch sets; it wins over Accept-Language. */
export const LOCALE_COOKIE = 'locale';
/** A year: a reader's language choice is a standing preference, not a session. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Each language's name in itself, for the switch (a reader looks for their own script). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-Hant': '繁體中文' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale a language tag asks for, or null when we have no interface in it. Traditional
 * Chinese is asked for by script (zh-Hant, zh-Hant-TW) or by the regions that write it
 * (zh-TW, zh-HK, zh-MO); bare `zh` gets it too, the only Chinese we have. zh-Hans and
 * zh-CN ask for Simplified, which we do not have: they fall through to the next choice.
 */
export function localeOfTag(tag: string): Locale | null {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  if (parts[0] === 'en') return 'en';
  if (parts[0] !== 'zh') return null;
  const rest = parts.slice(1);
  if (rest.length === 0 || rest.includes('hant')) return 'zh-Hant';
  if (rest.includes('hans')) return null;
  if (rest.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'zh-Hant';
  if (rest.some((p) => p === 'cn' || p === 'sg' || p === 'my')) return null;
  return 'zh-Hant';
}

/** The best of our locales for an Accept-Language header (RFC 9110 §12.5.4 quality values), or the default. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === '*') return DEFAULT_LOCALE;
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The locale of a request: the switch's cookie when it names one of ours, else Accept-Language. */
export function resolveRequestLocale(cookieValue: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return isLocale(cookieValue) ? cookieValue : negotiateLocale(acceptLanguage);
}
