'use client';

import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '@/lib/search/query';
import { fill, SearchResults, type SearchGroupsView, type SearchResultsLabels } from './search-results';

/**
 * The /search form. Without JavaScript it is a plain GET form and the server renders the
 * results. With JavaScript the results follow the typing: requests are debounced, a newer
 * request aborts the one in flight, and the URL keeps q and the filters (replaceState, so
 * the back button is not flooded with one entry per keystroke).
 */

export interface SearchState {
  q: string;
  kind: string;
  verdict: string;
  sourceType: string;
}

/** The form's words in the reader's language, from the server page (a client component gets no catalogue). */
export interface SearchBoxLabels {
  label: string;
  placeholder: string;
  submit: string;
  kind: string;
  allKinds: string;
  claims: string;
  sources: string;
  evidence: string;
  verdict: string;
  anyVerdict: string;
  sourceType: string;
  anySourceType: string;
  searching: string;
  /** With {count}. */
  results: string;
  failed: string;
  unavailable: string;
  hits: SearchResultsLabels;
}

export interface SearchBoxProps {
  initial: SearchState;
  initialResult: { query: string; terms: string[]; groups: SearchGroupsView; degraded: boolean; partial: boolean } | null;
  verdicts: Array<{ value: string; label: string }>;
  sourceTypes: Array<{ value: string; label: string }>;
  problem: string | null;
  labels: SearchBoxLabels;
}

const DEBOUNCE_MS = 250;

interface ApiBody {
  terms?: string[];
  totals?: Record<string, number>;
  degraded?: boolean;
  partial?: boolean;
  hits?: SearchHit[];
  error?: { message: string };
}

function toQueryString(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  if (s.kind && s.kind !== 'all') p.set('kind', s.kind);
  if (s.verdict) p.set('verdict', s.verdict);
  if (s.sourceType) p.set('sourceType', s.sourceType);
  return p.toString();
}

function groupHits(body: ApiBody): SearchGroupsView {
  const groups: SearchGroupsView = { claim: { total: 0, hits: [] }, source: { total: 0, hits: [] }, evidence: { total: 0, hits: [] } };
  for (const hit of body.hits ?? []) groups[hit.kind].hits.push(hit);
  for (const kind of ['claim', 'source', 'evidence'] as const) groups[kind].total = body.totals?.[kind] ?? groups[kind].hits.length;
  return groups;
}

export function SearchBox({ initial, initialResult, verdicts, sourceTypes, problem: initialProblem, labels }: SearchBoxProps) {
  const [state, setState] = useState<SearchState>(initial);
  const [result, setResult] = useState(initialResult);
  const [problem, setProblem] = useState<string | null>(initialProblem);
  const [pending, setPending] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The server rendered the results for the initial URL: only a different search fetches
  // (also keeps React's development double-run of effects from refetching).
  const lastRun = useRef(toQueryString(initial));
  const verdictLabels = Object.fromEntries(verdicts.map((v) => [v.value, v.label]));

  function run(next: SearchState) {
    controller.current?.abort();
    const qs = toQueryString(next);
    window.history.replaceState(null, '', qs ? `/search?${qs}` : '/search');
    if (!next.q.trim()) {
      setResult(null);
      setProblem(null);
      setPending(false);
      return;
    }
    const c = new AbortController();
    controller.current = c;
    setPending(true);
    fetch(`/api/search?${qs}&limit=20`, { signal: c.signal, headers: { accept: 'application/json' } })
      .then(async (res) => {
        const body = (await res.json()) as ApiBody;
        if (c.signal.aborted) return;
        if (!res.ok) {
          setProblem(body.error?.message ?? labels.failed);
          setResult(null);
        } else {
          setProblem(null);
          setResult({ query: next.q, terms: body.terms ?? [], groups: groupHits(body), degraded: Boolean(body.degraded), partial: Boolean(body.partial) });
        }
      })
      .catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'AbortError') setProblem(labels.unavailable);
      })
      .finally(() => {
        if (controller.current === c) setPending(false);
      });
  }

  useEffect(() => {
    if (toQueryString(state) === lastRun.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      lastRun.current = toQueryString(state);
      run(state);
    }, DEBOUNCE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
    // run is recreated each render; the state is the only trigger.
  }, [state]);

  useEffect(() => () => controller.current?.abort(), []);

  const update = (patch: Partial<SearchState>) => setState((s) => ({ ...s, ...patch }));
  const total = result ? result.groups.claim.hits.length + result.groups.source.hits.length + result.groups.evidence.hits.length : 0;

  return (
    <>
      <form
        action="/search"
        method="get"
        role="search"
        className="search-form search-form-large"
        onSubmit={(e) => {
          e.preventDefault();
          if (timer.current) clearTimeout(timer.current);
          lastRun.current = toQueryString(state);
          run(state);
        }}
      >
        <label htmlFor="search-q">{labels.label}</label>
        {/* Uncontrolled on purpose: no caret or IME interference from re-renders; while a
            Chinese IME composes (pinyin, zhuyin), nothing is sent until the characters land. */}
        <input
          id="search-q"
          type="search"
          name="q"
          defaultValue={initial.q}
          maxLength={256}
          autoComplete="off"
          placeholder={labels.placeholder}
          onChange={(e) => {
            if (!(e.nativeEvent as InputEvent).isComposing) update({ q: e.target.value });
          }}
          onCompositionEnd={(e) => update({ q: e.currentTarget.value })}
        />
        <button type="submit">{labels.submit}</button>
        <div className="filters">
          <label>
            {labels.kind}
            <select name="kind" value={state.kind} onChange={(e) => update({ kind: e.target.value })}>
              <option value="all">{labels.allKinds}</option>
              <option value="claim">{labels.claims}</option>
              <option value="source">{labels.sources}</option>
              <option value="evidence">{labels.evidence}</option>
            </select>
          </label>
          <label>
            {labels.verdict}
            <select name="verdict" value={state.verdict} onChange={(e) => update({ verdict: e.target.value })}>
              <option value="">{labels.anyVerdict}</option>
              {verdicts.map((v) => (
                <option key={v.value} value={v.value}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {labels.sourceType}
            <select name="sourceType" value={state.sourceType} onChange={(e) => update({ sourceType: e.target.value })}>
              <option value="">{labels.anySourceType}</option>
              {sourceTypes.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </form>
      <p className="visually-hidden" aria-live="polite">
        {pending ? labels.searching : result ? fill(labels.results, { count: total }) : ''}
      </p>
      {problem ? (
        <p className="notice" role="alert">
          {problem}
        </p>
      ) : null}
      {result ? (
        <SearchResults
          query={result.query}
          terms={result.terms}
          groups={result.groups}
          degraded={result.degraded}
          partial={result.partial}
          verdictLabels={verdictLabels}
          filtered={Boolean((state.kind && state.kind !== 'all') || state.verdict || state.sourceType)}
          labels={labels.hits}
        />
      ) : null}
    </>
  );
}
