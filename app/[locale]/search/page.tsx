import type { Metadata } from 'next';
import { SearchBox, type SearchState } from '@/app/_components/search-box';
import { parseSearchParams, type SearchParams } from '@/lib/search/params';
import { getSearchService } from '@/lib/search/server';
import { SOURCE_TYPES, VERDICT_SCALE, VERDICTS } from '@/lib/shared/vocabulary';

// Results depend on the query string and the live index.
export const dynamic = 'force-dynamic';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const q = first((await searchParams).q).slice(0, 80);
  // Result pages are not worth indexing by search engines.
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false } };
}

export default async function SearchPage({ searchParams }: PageProps) {
  const raw = await searchParams;
  const initial: SearchState = { q: first(raw.q).slice(0, 1024), kind: first(raw.kind) || 'all', verdict: first(raw.verdict), sourceType: first(raw.sourceType) };

  // Lenient, unlike the API: an invalid filter is dropped (and said), the search still runs.
  let problem: string | null = null;
  let params: SearchParams | null = null;
  const input: Record<string, string> = { q: initial.q, kind: initial.kind, verdict: initial.verdict, sourceType: initial.sourceType };
  for (let attempt = 0; attempt < 5 && !params; attempt++) {
    const parsed = parseSearchParams(input);
    if (parsed.ok) params = parsed.params;
    else {
      problem = parsed.problem.message;
      if (parsed.problem.field === 'q') break;
      input[parsed.problem.field] = '';
      if (parsed.problem.field === 'kind') initial.kind = 'all';
      else if (parsed.problem.field !== 'limit') initial[parsed.problem.field] = '';
    }
  }

  let initialResult = null;
  if (params && params.q) {
    try {
      const res = await (await getSearchService()).search(params);
      initialResult = { query: params.q, terms: res.terms, groups: res.groups, degraded: res.degraded, partial: res.partial };
    } catch (error) {
      console.error('[search] page failed', error);
      problem = 'Search is unavailable right now; try again shortly.';
    }
  }

  return (
    <>
      <h1>Search</h1>
      <SearchBox
        initial={initial}
        initialResult={initialResult}
        verdicts={VERDICTS.map((v) => ({ value: v, label: VERDICT_SCALE[v].label }))}
        sourceTypes={[...SOURCE_TYPES]}
        problem={problem}
      />
    </>
  );
}
