import type { SourceLink } from './source-link';

/**
 * "What cites it", one entry per citing source: a source that cites it in its own record and
 * in the claims' appearances (a post citing it for eight claims) is listed once, with those claims.
 */
export interface CitingSource {
  source: SourceLink;
  /** Its record names this source among what it cites. */
  inRecord: boolean;
  /** The claims for which an appearance in it cited this source, with the appearance's date. */
  forClaims: { claimId: string; claimTitle: string; date: string | null }[];
}

export function groupCitingSources(
  citedBy: SourceLink[],
  citedInAppearances: { claimId: string; claimTitle: string; source: SourceLink; date: string | null }[],
): CitingSource[] {
  const groups = new Map<string, CitingSource>();
  for (const s of citedBy) groups.set(s.id, { source: s, inRecord: true, forClaims: [] });
  for (const a of citedInAppearances) {
    const g = groups.get(a.source.id) ?? { source: a.source, inRecord: false, forClaims: [] };
    if (!g.forClaims.some((c) => c.claimId === a.claimId)) g.forClaims.push({ claimId: a.claimId, claimTitle: a.claimTitle, date: a.date });
    groups.set(a.source.id, g);
  }
  return [...groups.values()];
}
