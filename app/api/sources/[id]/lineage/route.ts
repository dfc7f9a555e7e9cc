import { apiError, badQuery, handle, jsonWithVersion } from '../../../_lib/respond';
import { flattenParams } from '../../../../_lib/search-params';
import { getDb } from '@/lib/db';
import { getSourceLineage, throughOthersQuerySchema as querySchema } from '@/lib/lineage/queries';
import { UserFacingError } from '@/lib/shared/errors';

/**
 * GET /api/sources/{id}/lineage?cursor=&pageSize=: what the source derives from and what derives
 * from it (bounded, with flags), the links among them, and a page of the claims resting on it
 * through other sources (`cursor` pages through those).
 */
export function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const parsed = querySchema.safeParse(flattenParams(new URL(request.url).searchParams));
    if (!parsed.success) return badQuery(parsed.error);
    const { id } = await ctx.params;
    const db = await getDb();
    try {
      const lineage = await getSourceLineage(db, id, parsed.data);
      if (!lineage) return apiError(404, 'not_found', `No source has the id "${id}".`);
      return jsonWithVersion(request, db, lineage);
    } catch (error) {
      if (error instanceof UserFacingError && error.code === 'invalid') return apiError(400, 'invalid', error.message, [{ param: error.field ?? 'cursor', message: error.message }]);
      throw error;
    }
  });
}
