import { RELIABILITY_GRADES, SOURCE_TYPES, type ReliabilityGrade, type SourceType } from '../shared/vocabulary';

/** How every page and API response names a source: enough to show and link it. */
export interface SourceLink {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  type: SourceType;
  reliability: ReliabilityGrade;
  url: string | null;
  /** We read the text this record cites (the original or a labelled copy of it); see /methodology#verified. */
  verified: boolean;
}

export const sourceLinkColumns = ['id', 'title', 'publisher', 'published', 'type', 'reliability', 'url', 'is_verified'] as const;

/** The one mapper from a source row to the link every page and API response uses. */
export function toSourceLink(r: {
  id: string;
  title: string;
  publisher: string | null;
  published: string | null;
  type: string;
  reliability: string;
  url: string | null;
  is_verified: number;
}): SourceLink {
  return {
    id: r.id,
    title: r.title,
    publisher: r.publisher,
    published: r.published,
    type: (SOURCE_TYPES as readonly string[]).includes(r.type) ? (r.type as SourceType) : 'blog',
    reliability: (RELIABILITY_GRADES as readonly string[]).includes(r.reliability) ? (r.reliability as ReliabilityGrade) : 'U',
    url: r.url,
    verified: r.is_verified === 1,
  };
}

