import { badQuery, handle, jsonWithVersion } from '../_lib/respond';
import { flattenParams } from '../../_lib/search-params';
import { getDb } from '@/lib/db';
import { listSources, sourceListQuerySchema } from '@/lib/sources/queries';

/** GET /api/sources?type=&reliability=&sort=&page=&pageSize= */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const parsed = sourceListQuerySchema.safeParse(flattenParams(new URL(request.url).searchParams));
    if (!parsed.success) return badQuery(parsed.error);
    const db = await getDb();
    return jsonWithVersion(request, db, await listSources(db, parsed.data));
  });
}
