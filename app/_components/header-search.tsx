import { useTranslations } from 'next-intl';

/** A plain GET form: works without JavaScript; /search reads ?q=. */
export function HeaderSearch({ id = 'site-search', large = false }: { id?: string; large?: boolean }) {
  const t = useTranslations('search');
  return (
    <form action="/search" method="get" role="search" className={large ? 'search-form search-form-large' : 'search-form'}>
      <label htmlFor={id} className={large ? undefined : 'visually-hidden'}>
        {t('label')}
      </label>
      <input id={id} type="search" name="q" placeholder={t('placeholder')} autoComplete="off" />
      <button type="submit">{t('submit')}</button>
    </form>
  );
}
