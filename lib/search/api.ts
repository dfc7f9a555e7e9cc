import { parseSearchParams } from './params';
import type { SearchService } from './service';

/**
 * GET /api/search as a plain function of (request, service), so tests call it on a test
 * database. Bad parameters → 400 with { error: { code, message, field } }; anything
 * unexpected → 503 with the same shape (logged), never an unhandled 500.
 */

type ApiHit = { kind: string; id: string; title: string; score: number; snippet: unknown; [key: string]: unknown };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export async function handleSearchRequest(request: Request, getService: () => Promise<SearchService>): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return json(400, { error: { code: 'invalid', message: 'The request URL could not be read.' } });
  }
  const parsed = parseSearchParams(url.searchParams);
  // The API's one error shape: code 'invalid' with the field named, as every other endpoint.
  if (!parsed.ok) return json(400, { error: { code: 'invalid', message: parsed.problem.message, field: parsed.problem.field } });
  try {
    const service = await getService();
    const result = await service.search(parsed.params);
    const hits: ApiHit[] = [];
    for (const kind of ['claim', 'source', 'evidence'] as const) {
      for (const h of result.groups[kind].hits) hits.push({ ...h });
    }
    return json(200, {
      query: result.query,
      terms: result.terms,
      totals: { claim: result.groups.claim.total, source: result.groups.source.total, evidence: result.groups.evidence.total },
      partial: result.partial,
      degraded: result.degraded,
      dataVersion: result.dataVersion,
      hits,
    });
  } catch (error) {
    console.error('[search] failed', error);
    return json(503, { error: { code: 'unavailable', message: 'Search is unavailable right now; try again shortly.' } });
  }
}
