/**
 * Normalises a URL for duplicate detection: the same document reached through
 * http/https, www., a trailing slash, tracking parameters or a fragment is one source.
 */
export function normaliseUrlKey(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/^m\./, '');
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !/^(utm_|fbclid$|gclid$|mc_|ref$|ref_src$|amp$)/i.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  let pathname = decodeURIComponentSafe(url.pathname).replace(/\/+$/, '').replace(/\/amp$/, '');
  if (pathname === '') pathname = '/';
  return `${host}${pathname}${query}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A DOI in any of its usual spellings (bare, doi:, https://doi.org/…), lower-cased. */
export function extractDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /(10\.\d{4,9}\/[^\s?#]+)/i.exec(decodeURIComponentSafe(raw));
  return match ? match[1]!.toLowerCase().replace(/[.,;]+$/, '') : null;
}

/** arXiv ids are DOIs too (10.48550/arXiv.NNNN.NNNNN); abs/html/pdf and version suffixes are one paper. */
export function arxivDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /arxiv\.org\/(?:abs|html|pdf)\/(\d{4}\.\d{4,5})/i.exec(raw);
  return match ? `10.48550/arxiv.${match[1]}` : null;
}

export function identityKeys(source: { url: string | null; doi?: string | null; copies?: { url: string }[] }): Set<string> {
  const keys = new Set<string>();
  for (const u of [source.url, ...(source.copies ?? []).map((c) => c.url)]) {
    if (!u) continue;
    const k = normaliseUrlKey(u);
    if (k) keys.add(`url:${k}`);
    const doi = extractDoi(u) ?? arxivDoi(u);
    if (doi) keys.add(`doi:${doi}`);
  }
  const doi = extractDoi(source.doi);
  if (doi) keys.add(`doi:${doi}`);
  return keys;
}
