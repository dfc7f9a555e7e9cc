import 'server-only';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, resolveRequestLocale, type Locale } from '@/i18n/locales';
import { translatorFor, type Translate } from '@/i18n/translator';
import type { FormState } from './form-state';

/**
 * The reader's locale inside a server action. next/root-params (which i18n/request.ts reads, and
 * so getTranslations) is not available in a server action; the locale is decided the way
 * proxy.ts decided it for the page the form was posted to: the `locale` cookie, else Accept-Language.
 */
export async function actionLocale(): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return resolveRequestLocale(jar.get(LOCALE_COOKIE)?.value, head.get('accept-language'));
}

/** A translator for a namespace of the catalogue, in the locale of the action's request. */
export async function actionTranslator(namespace: string): Promise<Translate> {
  return translatorFor(await actionLocale(), namespace);
}

const INVALID = 'Some fields need attention: see the messages next to them.';
const FAILED = 'The server could not complete this request; nothing was stored. Please try again.';

/**
 * A form answer in the reader's language. The two fixed summaries of app/_lib/form-state.ts
 * are replaced by their translation. A refusal from lib/ (a UserFacingError) and the
 * field-level messages are worded in English where they are made (the API and the CLI say the
 * same words); in another language each is framed by a sentence in that language saying what
 * kind of problem it is, with the English detail kept beside it rather than lost.
 */
export async function localiseFormState(state: FormState): Promise<FormState> {
  if (state.status !== 'error') return state;
  const locale = await actionLocale();
  const t = translatorFor(locale, 'forms');
  if (state.message === INVALID || state.message === FAILED) {
    state = { ...state, message: t(state.message === INVALID ? 'state.invalid' : 'state.failed') };
  } else if (locale !== 'en' && state.message && state.code && t.has(`state.refused.${state.code}`)) {
    state = { ...state, message: t(`state.refused.${state.code}`, { detail: state.message }) };
  }
  if (locale !== 'en' && state.fieldErrors) {
    state = { ...state, fieldErrors: Object.fromEntries(Object.entries(state.fieldErrors).map(([field, detail]) => [field, t('state.field', { detail })])) };
  }
  return state;
}
