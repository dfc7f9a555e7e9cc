import type { LineageEdge, LineageNode } from './dto';
import type { Figure, NodeFlag } from './graph';

/** How a figure reads on the page: $500M, 4×, 12%, 2 pp, 220. */
export function formatFigure(f: Figure): string {
  const one = (n: number) => {
    if (f.unit === 'USD') {
      const abs = Math.abs(n);
      const [div, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
      return `$${(n / div).toLocaleString('en', { maximumFractionDigits: 2 })}${suffix}`;
    }
    const num = n.toLocaleString('en', { maximumFractionDigits: 2 });
    if (f.unit === 'percent') return `${num}%`;
    if (f.unit === 'ratio') return `${num}×`;
    if (f.unit === 'percentage-points') return `${num} pp`;
    return num;
  };
  return f.value !== null ? one(f.value) : `${one(f.low ?? 0)}–${one(f.high ?? 0)}`;
}

/** The words a flag is shown with (the drawing, the list and the legend use the same). */
export const FLAG_LABELS: Record<Exclude<NodeFlag, 'appearance' | 'root'>, string> = {
  first: 'earliest found',
  'dead-end': 'dead end',
  unsourced: 'cites nothing, not primary',
  cycle: 'citation loop',
  mutation: 'figure changed',
  truncated: 'chain cut here',
};

export const FLAG_MEANINGS: Record<keyof typeof FLAG_LABELS, string> = {
  first: 'The earliest dated place the claim appeared, as far as the recorded chain shows (tied when the dates cannot tell two apart).',
  'dead-end': 'A source in the chain whose text could not be found or read, so what it rests on is unknown.',
  unsourced: 'A source that was read, cites nothing for the claim, and is not a primary source: the chain stops at a repeat.',
  cycle: 'Sources that cite each other round a loop (A cites B, B cites A).',
  mutation: 'This source states a figure different from the nearest source upstream of it that states one.',
  truncated: 'The chain goes on beyond the depth the ledger follows; what lies beyond is not drawn.',
};

export function shownFlags(flags: NodeFlag[]): (keyof typeof FLAG_LABELS)[] {
  return flags.filter((f): f is keyof typeof FLAG_LABELS => f in FLAG_LABELS);
}

/** Cuts text to `max` characters at a word where it can, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Roughly how wide a character draws at the box's font size: CJK characters are about twice as wide. */
export function widthOf(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
}

/** Splits a title into at most `lines` lines of `units` width each, breaking at a space where it can; cut with an ellipsis. */
export function wrapTitle(title: string, units = 30, lines = 2): string[] {
  const chars = [...title];
  const out: string[] = [];
  let at = 0;
  while (at < chars.length && out.length < lines) {
    let used = 0;
    let end = at;
    while (end < chars.length && used + widthOf(chars[end]!) <= units) used += widthOf(chars[end++]!);
    if (end < chars.length) {
      const space = chars.slice(at, end).lastIndexOf(' ');
      if (space > (end - at) / 2) end = at + space + 1;
    }
    out.push(chars.slice(at, end).join('').trim());
    at = end;
  }
  if (at < chars.length && out.length) out[out.length - 1] = `${[...out[out.length - 1]!].slice(0, -1).join('').trimEnd()}…`;
  return out;
}

export function edgeClass(e: LineageEdge): string {
  return ['lineage-edge', ...e.flags.map((f) => `edge-${f}`)].join(' ');
}

export function nodeClass(n: LineageNode): string {
  return ['lineage-node', n.appearance ? 'is-appearance' : 'is-cited', ...n.flags.map((f) => `flag-${f}`)].join(' ');
}

export function nodeFacts(n: LineageNode): string {
  return [n.date ?? 'undated', `grade ${n.source.reliability}`, n.appearance?.figure ? formatFigure(n.appearance.figure) : null].filter(Boolean).join(' · ');
}

export function flagText(n: LineageNode, tied: boolean): string[] {
  return shownFlags(n.flags).map((f) => (f === 'first' && tied ? 'earliest found (tied)' : f === 'dead-end' && n.deadEnd === 'not-found' ? 'dead end: not found' : f === 'dead-end' ? 'dead end: not read' : FLAG_LABELS[f]));
}

export function basisText(e: LineageEdge): string {
  const where = e.locator ? `, ${e.locator}` : '';
  if (e.basis === 'inferred') return `inferred${e.inferredBy ? ` by ${e.inferredBy}` : ''}${where}`;
  return `stated${where}`;
}

