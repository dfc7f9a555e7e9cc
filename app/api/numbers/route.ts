import { apiError, badQuery, handle, jsonWithVersion } from '../_lib/respond';
import { flattenParams } from '../../_lib/search-params';
import { getDb } from '@/lib/db';
import { listNumbers, numberListQuerySchema as querySchema } from '@/lib/numbers/queries';
import { UserFacingError } from '@/lib/shared/errors';

/** GET /api/numbers?sort=deviation|title|measure|conflicts&dir=&cursor=&pageSize=: every numeric claim with its deviation, a page at a time. */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const parsed = querySchema.safeParse(flattenParams(new URL(request.url).searchParams));
    if (!parsed.success) return badQuery(parsed.error);
    const db = await getDb();
    try {
      return jsonWithVersion(request, db, await listNumbers(db, parsed.data));
    } catch (error) {
      if (error instanceof UserFacingError && error.code === 'invalid') return apiError(400, 'invalid', error.message, [{ param: error.field ?? 'cursor', message: error.message }]);
      throw error;
    }
  });
}
