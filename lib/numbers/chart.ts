import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ClaimNumbers, NumberSeries } from './dto';
import { CHART_WIDTH, claimChartHeight, needsLogScale, seriesChartHeight } from './chart-size';
import { intervalOf } from './compare';
import { describeFigure } from './parse';
import { formatNumber, formatValue, UNITS, type Unit } from './units';

/**
 * Charts as standalone SVG documents, drawn with Observable Plot over linkedom at write time
 * (lib/numbers/refresh.ts) and stored; requests only read them. Each carries its title, a
 * description, axis labels with units, the sources named under the plot, and colours that follow
 * the reader's light or dark scheme. The numbers are also a table on the page beside it.
 */

const WIDTH = CHART_WIDTH;
const STANCE_COLOURS: Record<string, string> = { supports: '#2f8f4e', contradicts: '#c23b22', qualifies: '#b7791f', context: '#5a6b86', claimed: '#7b3fb5' };

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Plot does not measure text: a label longer than this is cut with an ellipsis so that it fits the margin. */
function shorten(s: string, max = 28): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function unitLabel(unit: Unit): string {
  return `${UNITS[unit].label}${unit === 'USD' || UNITS[unit].dimension === 'currency' ? ` (${unit})` : ''}`;
}

const tick = (unit: Unit) => (v: number) => formatValue(v, unit);

interface Row {
  label: string;
  low: number | null;
  high: number | null;
  value: number | null;
  stance: string;
}

function domainOf(rows: Row[]): [number, number] | null {
  const ends = rows.flatMap((r) => [r.low, r.high, r.value]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (ends.length === 0) return null;
  return [Math.min(...ends), Math.max(...ends)];
}

/** The sources line, wrapped at word boundaries into at most three lines of the chart's width. */
function sourceLines(text: string, max = 92): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 3 ? [...lines.slice(0, 2), shorten(lines.slice(2).join(' '), max)] : lines;
}

function wrapDocument(inner: string, { title, description, sources, width, height }: { title: string; description: string; sources: string; width: number; height: number }): string {
  const foot = height - 8;
  const style = [
    'svg{--fg:#1d1d1f;--muted:#5b5d63;--bg:#ffffff;color:var(--fg);font-family:system-ui,-apple-system,"Segoe UI",sans-serif}',
    '@media (prefers-color-scheme:dark){svg{--fg:#ecebe7;--muted:#b2b3ba;--bg:#141518}}',
    '.bg{fill:var(--bg)} .t{font-size:15px;font-weight:600;fill:var(--fg)} .s{font-size:11px;fill:var(--muted)}',
    'svg [aria-label="x-axis tick label"] text,svg [aria-label="y-axis tick label"] text,svg [aria-label="x-axis label"] text{fill:var(--fg)}',
    'svg [aria-label="x-axis tick"] path,svg [aria-label="y-axis tick"] path{stroke:var(--muted)}',
  ].join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="numbers-chart">`,
    `<title id="chart-title">${escapeXml(title)}</title>`,
    `<desc id="chart-desc">${escapeXml(description)}</desc>`,
    `<style>${style}</style>`,
    `<rect class="bg" width="100%" height="100%"/>`,
    `<text class="t" x="8" y="20">${escapeXml(shorten(title, 80))}</text>`,
    `<g transform="translate(0,30)">${inner}</g>`,
    ...sourceLines(`Sources: ${sources}`).map((line, i, all) => `<text class="s" x="8" y="${foot - (all.length - 1 - i) * 13}">${escapeXml(line)}</text>`),
    '</svg>',
  ].join('');
}

/** Plot's SVG for these marks, inner markup only (the wrapper adds title, sources and styles). */
function plotSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as { outerHTML: string };
  // Plot's own <style> block is scoped to a generated class; ours themes it for dark mode.
  return node.outerHTML.replace(/fill="currentColor"/g, 'fill="var(--fg)"').replace(/stroke="currentColor"/g, 'stroke="var(--muted)"');
}

function rowsOf(numbers: ClaimNumbers): Row[] {
  const claimed = intervalOf(numbers.claimed);
  const rows: Row[] = [
    { label: 'Claimed', low: claimed.low, high: claimed.high, value: numbers.claimed.value, stance: 'claimed' },
  ];
  for (const c of numbers.comparisons) {
    const i = intervalOf(c.quantity);
    const date = c.quantity.asOf ? ` (${c.quantity.asOf})` : '';
    rows.push({ label: `${shorten(c.sourceTitle, 17)}${date}${c.relation === 'related' ? ' *' : ''}`, low: i.low, high: i.high, value: c.quantity.value, stance: c.stance });
  }
  // Two entries from one source and date would share a row: number the repeats.
  const seen = new Map<string, number>();
  for (const r of rows) {
    const n = (seen.get(r.label) ?? 0) + 1;
    seen.set(r.label, n);
    if (n > 1) r.label = `${r.label} #${n}`;
  }
  return rows;
}

/** The chart of one numeric claim: the claimed figure as a line or band, evidence as points or bars. */
export function renderClaimChart(numbers: ClaimNumbers): string {
  const unit = numbers.claimed.unit;
  const rows = rowsOf(numbers);
  const domain = domainOf(rows)!;
  const log = numbers.logScale;
  const pad = log ? [domain[0] / 2, domain[1] * 2] : [Math.min(0, domain[0]) - Math.abs(domain[1] - domain[0]) * 0.08 - (domain[0] === domain[1] ? Math.abs(domain[0]) * 0.2 + 1 : 0), domain[1] + Math.abs(domain[1] - domain[0]) * 0.08 + (domain[0] === domain[1] ? Math.abs(domain[1]) * 0.2 + 1 : 0)];
  const [x0, x1] = pad as [number, number];
  // Open ends run to the edge of the axis.
  const bars = rows.filter((r) => r.value === null).map((r) => ({ ...r, from: r.low ?? x0, to: r.high ?? x1 }));
  const points = rows.filter((r) => r.value !== null);
  const claimed = rows[0]!;
  const height = claimChartHeight(rows.length - 1) - 84;
  const marks: Plot.Markish[] = [
    claimed.value !== null
      ? Plot.ruleX([claimed.value], { stroke: STANCE_COLOURS.claimed, strokeDasharray: '4,3', strokeWidth: 1.5 })
      : Plot.rectX([{ from: claimed.low ?? x0, to: claimed.high ?? x1 }], { x1: 'from', x2: 'to', fill: STANCE_COLOURS.claimed, fillOpacity: 0.12 }),
    Plot.ruleY(bars, { y: 'label', x1: 'from', x2: 'to', stroke: (d: Row) => STANCE_COLOURS[d.stance] ?? '#888', strokeWidth: 3 }),
    Plot.dot(points, { y: 'label', x: 'value', fill: (d: Row) => STANCE_COLOURS[d.stance] ?? '#888', r: 5, symbol: (d: Row) => (d.stance === 'claimed' ? 'diamond' : 'circle') }),
  ];
  const inner = plotSvg({
    width: WIDTH,
    height,
    marginLeft: 200,
    marginRight: 24,
    style: { background: 'transparent', fontSize: '12px' },
    x: { type: log ? 'log' : 'linear', domain: [x0, x1], label: `${unitLabel(unit)}${log ? ', log scale' : ''} →`, tickFormat: tick(unit), ticks: log ? 5 : 4, grid: true },
    y: { domain: rows.map((r) => r.label), label: null },
    color: { legend: false },
    marks,
  });
  const figures = numbers.comparisons.map((c) => `${describeFigure(c.quantity)} (${c.sourceTitle}, ${c.stance})`).join('; ');
  const description = `${numbers.summary} Claimed: ${describeFigure(numbers.claimed)}. Evidence: ${figures || 'none of this measure'}.${numbers.comparisons.some((c) => c.relation === 'related') ? ' * a narrower or related measure.' : ''}`;
  return wrapDocument(inner, {
    title: `${numbers.measure.label}: claimed against evidence`,
    description,
    sources: numbers.sources.map((s) => s.title).join('; ') || 'the claim only',
    width: WIDTH,
    height: height + 84,
  });
}

/** What a claim chart is drawn from: everything of ClaimNumbers but the claim's id and title, which it does not show. */
function claimChartKey(numbers: ClaimNumbers): string {
  const { claimId: _id, title: _title, ...drawn } = numbers;
  return JSON.stringify(drawn);
}

/**
 * A renderClaimChart that draws each distinct chart once, for one refresh. Claims repeating the
 * same figure with the same evidence (an article's copies, new claims with no evidence yet)
 * draw the same SVG, and drawing is most of an ingest's numbers cost. Bounded: the least
 * recently used drawing goes first.
 */
export function createClaimChartRenderer(maxEntries = 256): (numbers: ClaimNumbers) => string {
  const drawn = new Map<string, string>();
  return (numbers) => {
    const key = claimChartKey(numbers);
    let svg = drawn.get(key);
    if (svg !== undefined) drawn.delete(key);
    else {
      svg = renderClaimChart(numbers);
      if (drawn.size >= maxEntries) drawn.delete(drawn.keys().next().value!);
    }
    drawn.set(key, svg);
    return svg;
  };
}

/** A series across claims of one family: claimed figures against estimates, member by member. */
export function renderSeriesChart(series: NumberSeries, familyLabel: string): string {
  const unit = series.unit as Unit;
  const pts = series.points.map((p) => ({ ...p, mid: p.interval.low !== null && p.interval.high !== null ? Math.sqrt(Math.max(p.interval.low, 1e-12) * Math.max(p.interval.high, 1e-12)) : (p.interval.low ?? p.interval.high ?? 0) }));
  const values = pts.flatMap((p) => [p.interval.low, p.interval.high]).filter((v): v is number => v !== null);
  const log = needsLogScale(values);
  const height = seriesChartHeight(series.members.length) - 84;
  const inner = plotSvg({
    width: WIDTH,
    height,
    marginLeft: 120,
    marginRight: 24,
    style: { background: 'transparent', fontSize: '12px' },
    x: { type: log ? 'log' : 'linear', label: `${unitLabel(unit)}${log ? ', log scale' : ''} →`, tickFormat: tick(unit), ticks: 5, grid: true },
    y: { domain: series.members, label: null },
    marks: [
      Plot.ruleY(pts.filter((p) => p.interval.low !== p.interval.high && p.interval.low !== null && p.interval.high !== null), { y: 'member', x1: (d: (typeof pts)[number]) => d.interval.low, x2: (d: (typeof pts)[number]) => d.interval.high, stroke: (d: (typeof pts)[number]) => STANCE_COLOURS[d.kind === 'claimed' ? 'claimed' : (d.stance ?? 'context')], strokeWidth: 3 }),
      Plot.dot(pts, { y: 'member', x: 'mid', fill: (d: (typeof pts)[number]) => STANCE_COLOURS[d.kind === 'claimed' ? 'claimed' : (d.stance ?? 'context')], symbol: (d: (typeof pts)[number]) => (d.kind === 'claimed' ? 'diamond' : 'circle'), r: (d: (typeof pts)[number]) => (d.kind === 'claimed' ? 7 : 4) }),
    ],
  });
  const byMember = series.members
    .map((m) => {
      const claimed = pts.filter((p) => p.member === m && p.kind === 'claimed').map((p) => formatValue(p.mid, unit));
      const est = pts.filter((p) => p.member === m && p.kind === 'evidence').map((p) => formatValue(p.mid, unit));
      return `${m}: claimed ${[...new Set(claimed)].join(', ') || 'none'}; evidence ${[...new Set(est)].join(', ') || 'none'}`;
    })
    .join('. ');
  return wrapDocument(inner, {
    title: `${familyLabel}: claimed (◆) against evidence (●)`,
    description: `${byMember}.${series.truncated ? ' Only part of the series is drawn.' : ''}`,
    sources: `${new Set(pts.map((p) => p.claimId)).size} claims in this ledger and the evidence they cite`,
    width: WIDTH,
    height: height + 58,
  });
}

export { formatNumber };
