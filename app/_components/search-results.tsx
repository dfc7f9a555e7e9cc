import type { SearchHit } from '@/lib/search/query';
import type { Segment } from '@/lib/search/snippet';
import { VerdictIcon } from './verdict-icon';

/**
 * Search results grouped by kind. Pure presentation (no hooks): the server page and the
 * client search box both render it. Highlights are <mark> elements built from segments, so
 * stored and typed text is always escaped by React.
 */

export type SearchGroupsView = Record<'claim' | 'source' | 'evidence', { total: number; hits: SearchHit[] }>;

/**
 * The results' words in the reader's language. The client search box renders these results, so
 * they come as props (translated by the server page), not from the catalogue. A {name} in a
 * label is filled in here.
 */
export interface SearchResultsLabels {
  groups: Record<'claim' | 'source' | 'evidence', string>;
  /** With {shown} and {total}: "5 of 12". */
  shownOf: string;
  evidenceEntry: string;
  /** With {verdict}. */
  ratedAs: string;
  withdrawn: string;
  matchedInEvidence: string;
  /** With {query}. */
  noResults: string;
  nothingSearchable: string;
  fewerWords: string;
  checkSpelling: string;
  filtersOn: string;
  numbers: string;
  examples: string;
  exampleSeparator: string;
  exampleEnd: string;
  degraded: string;
  /** With {query}. */
  partial: string;
  sourceTypes: Record<string, string>;
}

export interface SearchResultsProps {
  query: string;
  terms: string[];
  groups: SearchGroupsView;
  degraded: boolean;
  partial?: boolean;
  verdictLabels: Record<string, string>;
  filtered: boolean;
  labels: SearchResultsLabels;
}

/** Fills a label's {name}s (the client gets plain strings, not the message formatter). */
export function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
const EXAMPLES = ['泡沫', '訓練成本', 'GPT-4 訓練', '17 倍', '$500M', 'Sløk', 'AI agents'];

export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.highlight ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}

export function hitHref(hit: SearchHit): string {
  if (hit.kind === 'claim') return `/claims/${encodeURIComponent(hit.id)}`;
  if (hit.kind === 'source') return `/sources/${encodeURIComponent(hit.id)}`;
  return `/claims/${encodeURIComponent(hit.claimId ?? '')}#evidence-${encodeURIComponent(hit.id)}`;
}

function HitItem({ hit, verdictLabels, labels }: { hit: SearchHit; verdictLabels: Record<string, string>; labels: SearchResultsLabels }) {
  return (
    <li className="search-hit">
      <h3>
        <a href={hitHref(hit)}>
          <Highlighted segments={hit.titleSegments?.length ? hit.titleSegments : [{ text: hit.title, highlight: false }]} />
        </a>
      </h3>
      <p className="search-hit-meta">
        {hit.verdict && hit.kind === 'claim' ? (
          <span className={`badge verdict verdict-${hit.verdict}`}>
            <VerdictIcon verdict={hit.verdict} />
            {verdictLabels[hit.verdict] ?? hit.verdict}
          </span>
        ) : null}
        {/* An evidence entry has no verdict of its own: name the claim it bears on, and that claim's verdict in words. */}
        {hit.kind === 'evidence' ? (
          <span className="search-hit-claim">
            {labels.evidenceEntry}
            {hit.verdict ? fill(labels.ratedAs, { verdict: verdictLabels[hit.verdict] ?? hit.verdict }) : null}
          </span>
        ) : null}
        {hit.withdrawn ? <span className="badge">{labels.withdrawn}</span> : null}
        {hit.sourceType ? <span className="badge">{labels.sourceTypes[hit.sourceType] ?? hit.sourceType}</span> : null}
        {hit.kind === 'claim' && hit.matchedVia === 'evidence' ? <span> {labels.matchedInEvidence}</span> : null}
      </p>
      {hit.snippet ? (
        <p className="search-snippet" lang={/[\u3400-\u9fff]/.test(hit.snippet.segments.map((s) => s.text).join('')) ? 'zh-Hant' : undefined}>
          <Highlighted segments={hit.snippet.segments} />
        </p>
      ) : null}
    </li>
  );
}

function EmptyState({ query, terms, filtered, labels }: { query: string; terms: string[]; filtered: boolean; labels: SearchResultsLabels }) {
  return (
    <div className="notice" role="status">
      <p>
        <strong>{fill(labels.noResults, { query })}</strong>
      </p>
      <ul>
        {terms.length === 0 ? (
          <li>{labels.nothingSearchable}</li>
        ) : terms.length > 1 ? (
          <li>{labels.fewerWords}</li>
        ) : (
          <li>{labels.checkSpelling}</li>
        )}
        {filtered ? <li>{labels.filtersOn}</li> : null}
        <li>{labels.numbers}</li>
        <li>
          {labels.examples}{' '}
          {EXAMPLES.map((q, i) => (
            <span key={q}>
              {i > 0 ? labels.exampleSeparator : ''}
              <a href={`/search?q=${encodeURIComponent(q)}`}>{q}</a>
            </span>
          ))}
          {labels.exampleEnd}
        </li>
      </ul>
    </div>
  );
}

export function SearchResults({ query, terms, groups, degraded, partial, verdictLabels, filtered, labels }: SearchResultsProps) {
  if (!query) return null;
  const total = groups.claim.hits.length + groups.source.hits.length + groups.evidence.hits.length;
  return (
    <div className="search-results">
      {degraded ? <p className="notice">{labels.degraded}</p> : null}
      {partial && total > 0 ? (
        <p className="notice" role="status">
          {fill(labels.partial, { query })}
        </p>
      ) : null}
      {total === 0 ? <EmptyState query={query} terms={terms} filtered={filtered} labels={labels} /> : null}
      {(['claim', 'source', 'evidence'] as const).map((kind) =>
        groups[kind].hits.length ? (
          <section key={kind} aria-labelledby={`results-${kind}`}>
            <h2 id={`results-${kind}`}>
              {labels.groups[kind]}{' '}
              <small>
                ({groups[kind].hits.length < groups[kind].total ? fill(labels.shownOf, { shown: groups[kind].hits.length, total: groups[kind].total }) : groups[kind].hits.length})
              </small>
            </h2>
            <ol className="claim-list">
              {groups[kind].hits.map((hit) => (
                <HitItem key={`${kind}:${hit.id}`} hit={hit} verdictLabels={verdictLabels} labels={labels} />
              ))}
            </ol>
          </section>
        ) : null,
      )}
    </div>
  );
}
