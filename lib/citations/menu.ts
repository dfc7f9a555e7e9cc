import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { CITATION_STYLES, formatCitation } from './format';
import { getClaimCsl, getSourceCsl } from './queries';

export interface CiteMenu {
  /** The record's formatted reference in APA (the claim itself, not its bibliography). */
  reference: string;
  links: Array<{ label: string; href: string }>;
  styles: Array<{ label: string; href: string }>;
}

const STYLE_LABELS: Record<(typeof CITATION_STYLES)[number], string> = { apa: 'APA', vancouver: 'Vancouver', harvard1: 'Harvard' };

/** What the "Cite" menu of a claim (a revision of it) or a source offers; null when it is not public. */
export async function getCiteMenu(db: Kysely<Database>, kind: 'claim' | 'source', id: string, revision?: number): Promise<CiteMenu | null> {
  const items = kind === 'claim' ? await getClaimCsl(db, id, revision) : await getSourceCsl(db, id).then((s) => (s ? [s] : null));
  if (!items) return null;
  const base = kind === 'claim' && revision ? `/claims/${id}/v/${revision}` : `/${kind === 'claim' ? 'claims' : 'sources'}/${id}`;
  const cite = `/${kind === 'claim' ? 'claims' : 'sources'}/${id}/cite`;
  const rev = kind === 'claim' && revision ? `rev=${revision}&` : '';
  return {
    reference: formatCitation(items.slice(0, 1), 'text').trim(),
    links: [
      { label: 'BibTeX (.bib)', href: `${base}.bib` },
      { label: 'RIS (.ris)', href: `${base}.ris` },
      { label: 'CSL-JSON (.csl.json)', href: `${base}.csl.json` },
    ],
    styles: CITATION_STYLES.map((s) => ({ label: STYLE_LABELS[s], href: `${cite}/text?${rev}style=${s}` })),
  };
}
