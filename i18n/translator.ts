import { createTranslator } from 'next-intl';
import en from '../messages/en';
import zhHant from '../messages/zh-Hant';
import type { Locale } from './locales';

const CATALOGUES: Record<Locale, Record<string, unknown>> = { en, 'zh-Hant': zhHant };

/**
 * A namespace's translator as the app's helpers take it: what next-intl's useTranslations,
 * getTranslations and createTranslator all return, narrowed to the calls used here.
 */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  raw(key: string): unknown;
  has(key: string): boolean;
}

/**
 * A translator outside a page render, where next-intl's request config cannot run (a server
 * action, a route handler that renders no page): the locale is given, the catalogue imported.
 */
export function translatorFor(locale: Locale, namespace: string): Translate {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: namespace as never }) as unknown as Translate;
}
