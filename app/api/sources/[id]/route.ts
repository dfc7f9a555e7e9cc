import { apiError, handle } from '../../_lib/respond';
import { writeRoute } from '../../_lib/write-route';
import { getSourcePermalink } from '@/lib/citations/permalink';
import { getDb } from '@/lib/db';
import { sourcePatchSchema } from '@/lib/evidence/input';
import { etagOf, revisionFromIfMatch } from '@/lib/evidence/write';
import { readJsonBody, requireEditor } from '@/lib/http/request';
import { getSource } from '@/lib/sources/source-page';
import { toSourceRecord } from '@/lib/sources/record';
import { getSourceRowOrThrow, updateSource } from '@/lib/sources/write';
import { getDataVersion } from '@/lib/history/revisions';

type Ctx = { params: Promise<{ id: string }> };

/**
 * GET /api/sources/{id}: one source, the claims and evidence resting on it, and its citation
 * links. `ETag: "<revision>"` is the source's own revision (what PATCH needs in If-Match, as
 * for evidence), also in the body as `revision`. The body depends on evidence elsewhere too,
 * so that tag cannot validate a cached copy: this one response is `no-cache` without 304s
 * (lists and claims keep their data-version ETags and 304s); `dataVersion` says which state
 * of the store it shows.
 */
export function GET(_request: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const db = await getDb();
    const dataVersion = await getDataVersion(db);
    const source = await getSource(db, id);
    if (!source) return apiError(404, 'not_found', `No source has the id "${id}".`);
    const row = await getSourceRowOrThrow(db, id);
    return Response.json(
      { ...source, url: source.url, permalink: getSourcePermalink(source.id), revision: row.revision, dataVersion },
      { headers: { ETag: etagOf(row.revision), 'Cache-Control': 'no-cache' } },
    );
  });
}

/** PATCH /api/sources/{id} (editors): requires If-Match with the revision (428 without, 412 when stale, with the current version). */
export function PATCH(request: Request, ctx: Ctx): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const { id } = await ctx.params;
    const expected = revisionFromIfMatch(request.headers.get('if-match'));
    const patch = await readJsonBody(request, sourcePatchSchema);
    const row = await updateSource(db, id, patch, expected, editor);
    return Response.json(toSourceRecord(row), { headers: { ETag: etagOf(row.revision), 'Cache-Control': 'no-store' } });
  });
}
