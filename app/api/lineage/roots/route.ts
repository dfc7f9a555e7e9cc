import { apiError, badQuery, handle, jsonWithVersion } from '../../_lib/respond';
import { flattenParams } from '../../../_lib/search-params';
import { getDb } from '@/lib/db';
import { lineageRootsQuerySchema as querySchema, listLineageRoots } from '@/lib/lineage/queries';
import { UserFacingError } from '@/lib/shared/errors';

/** GET /api/lineage/roots?cursor=&pageSize=: upstream roots, most claims and sources deriving from them first. */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const parsed = querySchema.safeParse(flattenParams(new URL(request.url).searchParams));
    if (!parsed.success) return badQuery(parsed.error);
    const db = await getDb();
    try {
      return jsonWithVersion(request, db, await listLineageRoots(db, parsed.data));
    } catch (error) {
      if (error instanceof UserFacingError && error.code === 'invalid') return apiError(400, 'invalid', error.message, [{ param: error.field ?? 'cursor', message: error.message }]);
      throw error;
    }
  });
}
