/**
 * Feed autodiscovery: the <link rel="alternate"> entries of a page's head (Next metadata
 * `alternates.types`), for the feed at `feedPath` (.atom and .json).
 */
export function feedAlternates(feedPath: string): Record<string, Array<{ url: string; title: string }>> {
  return { 'application/atom+xml': [{ url: `${feedPath}.atom`, title: 'Atom feed' }], 'application/feed+json': [{ url: `${feedPath}.json`, title: 'JSON Feed' }] };
}
