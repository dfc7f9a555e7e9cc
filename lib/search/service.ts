import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SearchParams } from './params';
import { emptyGroups, searchIndexedStore, type SearchResponse } from './query';
import { buildSearchIndex, deltaShare, COMPACT_RATIO, refreshSearchIndex, type BuildOptions, type SearchIndex } from './search-index';
import { loadSearchSnapshot, saveSearchSnapshot } from './snapshot';
import { toSegments } from './snippet';

/**
 * One search service per database handle: loads the index (snapshot, else a build that
 * yields to the event loop), keeps it current, and answers searches.
 *
 * Freshness: every search first compares the store's data version (one single-row read) with
 * the index's; on a change it replays the change logs into the delta before answering. So a
 * write from any process (ingest, API, CLI, another server) is visible at the next search.
 * Refreshes and (re)builds are single-flight: concurrent searches wait for the same one.
 *
 * Start-up: a search arriving while the index loads waits up to `waitMs`, then is answered
 * by a plain SQL scan of claim titles and statements (`degraded: true`), never blocked for
 * the whole build.
 */

export interface SearchServiceOptions {
  /** Where the persisted base index lives; null disables persistence. */
  snapshotFile?: string | null;
  /** How long a search waits for a loading index before the degraded answer. */
  waitMs?: number;
  build?: BuildOptions;
  log?: (message: string) => void;
}

export interface SearchService {
  search(params: SearchParams): Promise<SearchResponse>;
  /** Starts loading the index (idempotent) and resolves when it is ready. */
  warm(): Promise<SearchIndex>;
  /** The ready index, if any (tests, diagnostics). */
  current(): SearchIndex | null;
}

export function createSearchService(db: Kysely<Database>, options: SearchServiceOptions = {}): SearchService {
  const waitMs = options.waitMs ?? 1500;
  const log = options.log ?? ((m: string) => console.info(`[search] ${m}`));
  let index: SearchIndex | null = null;
  let loading: Promise<SearchIndex> | null = null;
  let refreshing: Promise<void> | null = null;
  let rebuilding: Promise<void> | null = null;

  async function buildAndPersist(): Promise<SearchIndex> {
    const built = await buildSearchIndex(db, options.build);
    log(`built index in ${Math.round(built.builtMs)} ms (${built.claim.baseSize} claims, ${built.source.baseSize} sources, ${built.evidence.baseSize} evidence)`);
    if (options.snapshotFile) {
      const file = options.snapshotFile;
      // Persist in the background: the index is already serving.
      saveSearchSnapshot(built, file).catch((error: unknown) => log(`could not save the index snapshot: ${String(error)}`));
    }
    return built;
  }

  function warm(): Promise<SearchIndex> {
    loading ??= (async () => {
      let loaded: SearchIndex | null = null;
      if (options.snapshotFile) {
        try {
          loaded = await loadSearchSnapshot(db, options.snapshotFile);
          if (loaded) log(`loaded index snapshot in ${Math.round(loaded.builtMs)} ms`);
        } catch (error) {
          log(`ignoring an unreadable index snapshot: ${String(error)}`);
        }
      }
      index = loaded ?? (await buildAndPersist());
      return index;
    })();
    loading.catch(() => {
      loading = null; // a failed load is retried by the next search
    });
    return loading;
  }

  function rebuildInBackground(reason: string): void {
    if (rebuilding) return;
    log(`rebuilding the index: ${reason}`);
    rebuilding = buildAndPersist()
      .then((fresh) => {
        index = fresh;
      })
      .catch((error: unknown) => log(`rebuild failed: ${String(error)}`))
      .finally(() => {
        rebuilding = null;
      });
  }

  async function ensureFresh(current: SearchIndex): Promise<void> {
    refreshing ??= (async () => {
      try {
        const outcome = await refreshSearchIndex(db, current);
        if (outcome.kind === 'rebuild-needed') {
          // Another database behind the same handle: the old index is wrong, wait for the new one.
          if (/backwards/.test(outcome.reason)) {
            rebuildInBackground(outcome.reason);
            await rebuilding;
          } else {
            rebuildInBackground(outcome.reason);
          }
        } else if (deltaShare(current) > COMPACT_RATIO) {
          rebuildInBackground('the delta outgrew the base');
        }
      } finally {
        refreshing = null;
      }
    })();
    await refreshing;
  }

  async function degradedSearch(params: SearchParams): Promise<SearchResponse> {
    const started = performance.now();
    const words = params.q.split(' ').filter(Boolean).slice(0, 8);
    const groups = emptyGroups();
    if (words.length && (!params.kinds || params.kinds.includes('claim')) && !params.sourceType) {
      const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      let q = db.selectFrom('claim').select(['id', 'title', 'statement', 'verdict', 'is_withdrawn']).where('status', '=', 'published');
      for (const w of words) {
        q = q.where(
          sql<boolean>`(title like ${like(w)} escape '\\' or statement like ${like(w)} escape '\\' or original_text like ${like(w)} escape '\\')`,
        );
      }
      if (params.verdict) q = q.where('verdict', '=', params.verdict);
      const rows = await q.orderBy('is_withdrawn').orderBy('id').limit(params.limit).execute();
      groups.claim = {
        total: rows.length,
        hits: rows.map((r) => ({
          kind: 'claim' as const,
          id: r.id,
          title: r.title,
          titleSegments: toSegments(r.title, []),
          score: 0,
          snippet: { field: 'statement', segments: toSegments(r.statement, []) },
          verdict: r.verdict,
          withdrawn: r.is_withdrawn === 1,
          matchedVia: 'claim' as const,
        })),
      };
    }
    return { query: params.q, terms: words, partial: false, groups, degraded: true, dataVersion: -1, tookMs: performance.now() - started };
  }

  async function search(params: SearchParams): Promise<SearchResponse> {
    if (!index) {
      const ready = warm();
      const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs).unref());
      const winner = await Promise.race([ready, timeout]);
      if (!winner) return degradedSearch(params);
    }
    const current = index!;
    await ensureFresh(current);
    return searchIndexedStore(db, index ?? current, params);
  }

  return { search, warm, current: () => index };
}
