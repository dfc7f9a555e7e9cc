import { badQuery, handle, jsonWithVersion } from '../_lib/respond';
import { flattenParams } from '../../_lib/search-params';
import { claimListQuerySchema, listClaims } from '@/lib/claims/list-queries';
import { getDb } from '@/lib/db';

/** GET /api/claims?verdict=&topic=&claimant=&confidence=&sort=&order=&page=&pageSize= */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const parsed = claimListQuerySchema.safeParse(flattenParams(new URL(request.url).searchParams));
    if (!parsed.success) return badQuery(parsed.error);
    const db = await getDb();
    const list = await listClaims(db, parsed.data);
    return jsonWithVersion(request, db, list);
  });
}
