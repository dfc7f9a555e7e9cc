import type { EvidenceItem } from '../evidence/dto';
import { RELIABILITY_GRADES, STANCES, type Stance } from '../shared/vocabulary';
import type { SourceLink } from '../sources/source-link';
import type { Appearance, ChainNode } from './dto';

/**
 * How the claim page arranges what getClaimPage returns: pure functions over the page's DTO,
 * so the verdict box, the timeline and the evidence order are testable without a browser.
 */

/** A source a claim traces back to, and, when we did not read it, the read source that relays it. */
export interface PrimarySource {
  source: SourceLink;
  /** The nearest source below it in the chain that we did read, when the primary itself was not read. */
  relay: SourceLink | null;
}

/**
 * The ends of the claim's citation chains: the sources its appearances cite, followed back
 * through what each cites until a source cites nothing further. An appearance that cites
 * nothing is its own primary source. Repeated nodes (cycles, shared ancestors) count once.
 */
export function findPrimarySources(appearances: Appearance[]): PrimarySource[] {
  const found = new Map<string, PrimarySource>();
  const walk = (node: ChainNode, readBelow: SourceLink | null) => {
    const relay = node.source.verified ? node.source : readBelow;
    const next = node.cites.filter((c) => !c.repeated);
    if (next.length === 0) {
      if (!node.repeated && !found.has(node.source.id)) {
        found.set(node.source.id, { source: node.source, relay: node.source.verified ? null : (readBelow ?? null) });
      }
      return;
    }
    for (const c of next) walk(c, relay);
  };
  for (const a of appearances) {
    if (a.cites.length === 0) walk({ source: a.source, cites: [], repeated: false }, null);
    else for (const c of a.cites) walk(c, a.source.verified ? a.source : null);
  }
  return [...found.values()];
}

export interface TimelineEntry {
  source: SourceLink;
  date: string | null;
  note: string | null;
  /** How many appearances this entry stands for (the same source on the same date, repeated). */
  times: number;
}

/**
 * Appearances as a dated timeline, oldest first, undated last; the same source on the same date
 * (a post that states a claim in its headline, lead and body) is one entry with a count.
 */
export function buildAppearanceTimeline(appearances: Appearance[]): TimelineEntry[] {
  const byKey = new Map<string, TimelineEntry>();
  for (const a of appearances) {
    const date = a.date ?? a.source.published ?? null;
    const key = `${a.source.id}\u0000${date ?? ''}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.times += 1;
      seen.note ??= a.note;
    } else byKey.set(key, { source: a.source, date, note: a.note, times: 1 });
  }
  return [...byKey.values()].sort((x, y) => {
    if (x.date === y.date) return x.source.title.localeCompare(y.source.title);
    if (x.date === null) return 1;
    if (y.date === null) return -1;
    return x.date.localeCompare(y.date);
  });
}

const GRADE_ORDER = new Map<string, number>(RELIABILITY_GRADES.map((g, i) => [g, i]));

/** Within each stance, the best-graded sources first (A before U), then the oldest entry first. */
export function sortEvidenceByGrade(evidence: Record<Stance, EvidenceItem[]>): Record<Stance, EvidenceItem[]> {
  const out = {} as Record<Stance, EvidenceItem[]>;
  for (const stance of STANCES) {
    out[stance] = [...(evidence[stance] ?? [])].sort(
      (a, b) =>
        (GRADE_ORDER.get(a.source.reliability) ?? 99) - (GRADE_ORDER.get(b.source.reliability) ?? 99) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
  }
  return out;
}
