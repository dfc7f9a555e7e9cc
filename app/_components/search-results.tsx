import type { SearchHit } from '@/lib/search/query';
import type { Segment } from '@/lib/search/snippet';
import { VerdictIcon } from './verdict-icon';

/**
 * Search results grouped by kind. Pure presentation (no hooks): the server page and the
 * client search box both render it. Highlights are <mark> elements built from segments, so
 * stored and typed text is always escaped by React.
 */

export type SearchGroupsView = Record<'claim' | 'source' | 'evidence', { total: number; hits: SearchHit[] }>;

export interface SearchResultsProps {
  query: string;
  terms: string[];
  groups: SearchGroupsView;
  degraded: boolean;
  partial?: boolean;
  verdictLabels: Record<string, string>;
  filtered: boolean;
}

const GROUP_TITLES = { claim: 'Claims', source: 'Sources', evidence: 'Evidence' } as const;
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

function HitItem({ hit, verdictLabels }: { hit: SearchHit; verdictLabels: Record<string, string> }) {
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
            Evidence entry{hit.verdict ? <> · the claim it bears on is rated {verdictLabels[hit.verdict] ?? hit.verdict}</> : null}
          </span>
        ) : null}
        {hit.withdrawn ? <span className="badge">Withdrawn</span> : null}
        {hit.sourceType ? <span className="badge">{hit.sourceType}</span> : null}
        {hit.kind === 'claim' && hit.matchedVia === 'evidence' ? <span> Matched in its evidence</span> : null}
      </p>
      {hit.snippet ? (
        <p className="search-snippet" lang={/[\u3400-\u9fff]/.test(hit.snippet.segments.map((s) => s.text).join('')) ? 'zh-Hant' : undefined}>
          <Highlighted segments={hit.snippet.segments} />
        </p>
      ) : null}
    </li>
  );
}

function EmptyState({ query, terms, filtered }: { query: string; terms: string[]; filtered: boolean }) {
  return (
    <div className="notice" role="status">
      <p>
        <strong>No results for “{query}”.</strong>
      </p>
      <ul>
        {terms.length === 0 ? (
          <li>Nothing in this query can be searched: single Chinese characters and very common words (the, of, and) are not indexed. Try two or more Chinese characters or another word.</li>
        ) : terms.length > 1 ? (
          <li>Try fewer or other words.</li>
        ) : (
          <li>Check the spelling, or try another word or a synonym.</li>
        )}
        {filtered ? <li>Filters are on: try again with “All kinds” and no verdict or source type.</li> : null}
        <li>Numbers can be written in several ways: 17x, 17 倍 and 17 times are the same; so are $500M, 500 million and 5 億.</li>
        <li>
          Examples:{' '}
          {EXAMPLES.map((q, i) => (
            <span key={q}>
              {i > 0 ? ', ' : ''}
              <a href={`/search?q=${encodeURIComponent(q)}`}>{q}</a>
            </span>
          ))}
          .
        </li>
      </ul>
    </div>
  );
}

export function SearchResults({ query, terms, groups, degraded, partial, verdictLabels, filtered }: SearchResultsProps) {
  if (!query) return null;
  const total = groups.claim.hits.length + groups.source.hits.length + groups.evidence.hits.length;
  return (
    <div className="search-results">
      {degraded ? <p className="notice">The search index is still loading: these are simple title matches. Full results in a moment.</p> : null}
      {partial && total > 0 ? (
        <p className="notice" role="status">
          No record contains every word of “{query}”; these contain some of them.
        </p>
      ) : null}
      {total === 0 ? <EmptyState query={query} terms={terms} filtered={filtered} /> : null}
      {(['claim', 'source', 'evidence'] as const).map((kind) =>
        groups[kind].hits.length ? (
          <section key={kind} aria-labelledby={`results-${kind}`}>
            <h2 id={`results-${kind}`}>
              {GROUP_TITLES[kind]}{' '}
              <small>
                ({groups[kind].hits.length < groups[kind].total ? `${groups[kind].hits.length} of ${groups[kind].total}` : groups[kind].hits.length})
              </small>
            </h2>
            <ol className="claim-list">
              {groups[kind].hits.map((hit) => (
                <HitItem key={`${kind}:${hit.id}`} hit={hit} verdictLabels={verdictLabels} />
              ))}
            </ol>
          </section>
        ) : null,
      )}
    </div>
  );
}
