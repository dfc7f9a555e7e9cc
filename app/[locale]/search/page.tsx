import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SearchBox, type SearchBoxLabels, type SearchState } from '@/app/_components/search-box';
import { MAX_LIMIT, parseSearchParams, type SearchParams } from '@/lib/search/params';
import { SEARCH_KINDS } from '@/lib/search/descriptor';
import { MAX_QUERY_LENGTH } from '@/lib/search/rank';
import { getSearchService } from '@/lib/search/server';
import { SOURCE_TYPES, VERDICTS } from '@/lib/shared/vocabulary';

// Results depend on the query string and the live index.
export const dynamic = 'force-dynamic';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const q = first((await searchParams).q).slice(0, 80);
  const t = await getTranslations('pages.search');
  // Result pages are not worth indexing by search engines.
  return { title: q ? t('titleQuery', { q }) : t('title'), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: PageProps) {
  const t = await getTranslations('pages.search');
  const verdictNames = await getTranslations('verdicts');
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
      const { code } = parsed.problem;
      problem =
        code === 'query_too_long'
          ? t('problems.query_too_long', { max: String(MAX_QUERY_LENGTH) })
          : code === 'invalid_kind'
            ? t('problems.invalid_kind', { kinds: SEARCH_KINDS.join(', ') })
            : code === 'invalid_verdict'
              ? t('problems.invalid_verdict', { verdicts: VERDICTS.join(', ') })
              : code === 'invalid_source_type'
                ? t('problems.invalid_source_type', { types: SOURCE_TYPES.join(', ') })
                : code === 'invalid_limit'
                  ? t('problems.invalid_limit', { max: String(MAX_LIMIT) })
                  : parsed.problem.message;
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
      problem = t('unavailableRetry');
    }
  }

  const typeNames = await getTranslations('pages.sourceTypes');
  const sourceTypeLabels = Object.fromEntries(SOURCE_TYPES.map((type) => [type, typeNames(type)]));
  const labels: SearchBoxLabels = {
    label: t('box.label'),
    placeholder: t('box.placeholder'),
    submit: t('box.submit'),
    kind: t('box.kind'),
    allKinds: t('box.allKinds'),
    claims: t('groups.claim'),
    sources: t('groups.source'),
    evidence: t('groups.evidence'),
    verdict: t('box.verdict'),
    anyVerdict: t('box.anyVerdict'),
    sourceType: t('box.sourceType'),
    anySourceType: t('box.anySourceType'),
    searching: t('box.searching'),
    results: t.raw('box.results') as string,
    failed: t('box.failed'),
    unavailable: t('box.unavailable'),
    hits: {
      groups: { claim: t('groups.claim'), source: t('groups.source'), evidence: t('groups.evidence') },
      shownOf: t.raw('results.shownOf') as string,
      evidenceEntry: t('results.evidenceEntry'),
      ratedAs: t.raw('results.ratedAs') as string,
      withdrawn: t('results.withdrawn'),
      matchedInEvidence: t('results.matchedInEvidence'),
      noResults: t.raw('results.noResults') as string,
      nothingSearchable: t('results.nothingSearchable'),
      fewerWords: t('results.fewerWords'),
      checkSpelling: t('results.checkSpelling'),
      filtersOn: t('results.filtersOn'),
      numbers: t('results.numbers'),
      examples: t('results.examples'),
      exampleSeparator: t.raw('results.exampleSeparator') as string,
      exampleEnd: t.raw('results.exampleEnd') as string,
      degraded: t('results.degraded'),
      partial: t.raw('results.partial') as string,
      sourceTypes: sourceTypeLabels,
    },
  };

  return (
    <>
      <h1>{t('heading')}</h1>
      <SearchBox
        initial={initial}
        initialResult={initialResult}
        verdicts={VERDICTS.map((v) => ({ value: v, label: verdictNames(`${v}.label`) }))}
        sourceTypes={SOURCE_TYPES.map((type) => ({ value: type, label: sourceTypeLabels[type] ?? type }))}
        problem={problem}
        labels={labels}
      />
    </>
  );
}
