/**
 * Content negotiation and plain links for citations (used by proxy.ts, so no server-only
 * imports): `/claims/x.bib`, `/sources/y.ris`, `….csl.json`, or the claim or source URL asked
 * for with a citation media type in Accept, are served by the `cite/{format}` route.
 */

const EXTENSIONS: Array<[string, string]> = [
  ['.csl.json', 'csl-json'],
  ['.bib', 'bibtex'],
  ['.ris', 'ris'],
];

const ACCEPTED: Array<[string, string]> = [
  ['application/vnd.citationstyles.csl+json', 'csl-json'],
  ['application/x-bibtex', 'bibtex'],
  ['application/x-research-info-systems', 'ris'],
];

/** The citation format an Accept header asks for first (by q), or null for anything else. */
export function citationFormatOfAccept(accept: string | null): string | null {
  if (!accept) return null;
  let best: { format: string; q: number } | null = null;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    if (!(q > 0)) continue;
    if (type === 'text/html' || type === 'application/xhtml+xml') {
      if (!best || q > best.q) best = { format: 'html-page', q };
      continue;
    }
    const hit = ACCEPTED.find(([media]) => media === type?.trim());
    if (hit && (!best || q > best.q)) best = { format: hit[1], q };
  }
  return best && best.format !== 'html-page' ? best.format : null;
}

/**
 * Where a claim or source URL is served from when it asks for a citation; null when it does not.
 * `/claims/{id}/v/{n}` keeps its revision.
 */
export function citationPathOf(pathname: string, accept: string | null): string | null {
  const m = /^\/(claims|sources)\/([^/]+)$/.exec(pathname);
  if (m) {
    const [, kind, last] = m as unknown as [string, string, string];
    for (const [ext, format] of EXTENSIONS) {
      if (last.endsWith(ext) && last.length > ext.length) return `/${kind}/${last.slice(0, -ext.length)}/cite/${format}`;
    }
    const format = citationFormatOfAccept(accept);
    return format ? `/${kind}/${last}/cite/${format}` : null;
  }
  const v = /^\/claims\/([^/]+)\/v\/(\d+)(\.bib|\.ris|\.csl\.json)?$/.exec(pathname);
  if (v) {
    const format = v[3] ? EXTENSIONS.find(([ext]) => ext === v[3])![1] : citationFormatOfAccept(accept);
    // The revision travels in the path: a query a rewrite adds does not reach the route handler.
    return format ? `/claims/${v[1]}/v/${v[2]}/cite/${format}` : null;
  }
  return null;
}
