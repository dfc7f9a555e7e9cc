import { apiError, handle, jsonWithVersion } from '../../_lib/respond';
import { getSourcePermalink } from '@/lib/citations/permalink';
import { getDb } from '@/lib/db';
import { getSource } from '@/lib/sources/queries';

/** GET /api/sources/{id}: one source, the claims and evidence resting on it, and its citation links. */
export function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const db = await getDb();
    const source = await getSource(db, id);
    if (!source) return apiError(404, 'not_found', `No source has the id "${id}".`);
    return jsonWithVersion(request, db, { ...source, url: source.url, permalink: getSourcePermalink(source.id) });
  });
}
