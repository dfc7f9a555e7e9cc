import type { LineageEdge, LineageNode } from '@/lib/lineage/dto';
import { formatFigure, shownFlags } from '@/lib/lineage/format';
import type { LineageSvgWords } from '@/lib/lineage/svg';
import type { Translate } from '@/i18n/translator';

/**
 * The lineage's words in the reader's language, for the list (lineage-graph.tsx) and the drawing
 * (/claims/{id}/lineage.svg): lib/lineage/format words them in English only. `t` reads the
 * `claimParts` namespace, from useTranslations, getTranslations or createTranslator alike.
 */

/** How a link is known: "stated", "inferred by X", with its locator. */
export function basisWords(t: Translate, e: LineageEdge): string {
  const where = e.locator ? `${t('list.clause')}${e.locator}` : '';
  if (e.basis === 'inferred') return `${e.inferredBy ? t('lineage.basis.inferredBy', { who: e.inferredBy }) : t('lineage.basis.inferred')}${where}`;
  return `${t('lineage.basis.stated')}${where}`;
}

/** A node's flags as shown on its badges and in the drawing. */
export function flagWords(t: Translate, n: LineageNode, tied: boolean): { key: string; first: boolean; text: string }[] {
  return shownFlags(n.flags).map((f) => ({
    key: f,
    first: f === 'first',
    text:
      f === 'first'
        ? t(tied ? 'lineage.flags.firstTied' : 'lineage.flags.first')
        : f === 'dead-end'
          ? t(n.deadEnd === 'not-found' ? 'lineage.flags.deadEndNotFound' : 'lineage.flags.deadEndNotRead')
          : t(`lineage.flags.${f}`),
  }));
}

/** The drawing's words (lib/lineage/svg renders them). */
export function svgWords(t: Translate): LineageSvgWords {
  return {
    title: (c) => t('lineage.svgTitle', { sources: c.sources, independent: c.independent }),
    cites: (from, to, e) => t('lineage.svgCites', { from, to, basis: basisWords(t, e) }),
    facts: (n) => [n.date ?? t('lineage.undated'), t('lineage.grade', { grade: n.source.reliability }), n.appearance?.figure ? formatFigure(n.appearance.figure) : null].filter(Boolean).join(' · '),
    flags: (n, tied) => flagWords(t, n, tied).map((f) => f.text),
    flagSeparator: t('list.comma'),
  };
}
