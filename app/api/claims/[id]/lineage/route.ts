import { z } from 'zod';
import { apiError, badQuery, handle, jsonWithVersion } from '../../../_lib/respond';
import { flattenParams } from '../../../../_lib/search-params';
import { getDb } from '@/lib/db';
import { getClaimLineage } from '@/lib/lineage/queries';

/** No parameters: the whole (bounded) graph is one response. */
const querySchema = z.strictObject({});

/** GET /api/claims/{id}/lineage: the claim's graph as nodes and edges with flags, its counts and first appearance. */
export function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const parsed = querySchema.safeParse(flattenParams(new URL(request.url).searchParams));
    if (!parsed.success) return badQuery(parsed.error);
    const { id } = await ctx.params;
    const db = await getDb();
    const lineage = await getClaimLineage(db, id);
    if (!lineage) return apiError(404, 'not_found', `No claim has the id "${id}".`);
    return jsonWithVersion(request, db, lineage);
  });
}
