/** A plain GET form: works without JavaScript; /search reads ?q=. */
export function HeaderSearch({ id = 'site-search', large = false }: { id?: string; large?: boolean }) {
  return (
    <form action="/search" method="get" role="search" className={large ? 'search-form search-form-large' : 'search-form'}>
      <label htmlFor={id} className={large ? undefined : 'visually-hidden'}>
        Search claims and sources
      </label>
      <input id={id} type="search" name="q" placeholder="Search claims, e.g. 泡沫 or GPT-4" autoComplete="off" />
      <button type="submit">Search</button>
    </form>
  );
}
