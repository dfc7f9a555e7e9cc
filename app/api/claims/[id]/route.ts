import { apiError, handle, jsonWithVersion, toClaimJson } from '../../_lib/respond';
import { getClaimPage } from '@/lib/claims/claim-page';
import { getDb } from '@/lib/db';

/** GET /api/claims/{id}: one claim with its chain, evidence, notes and related claims. */
export function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const db = await getDb();
    const claim = await getClaimPage(db, id);
    if (!claim) return apiError(404, 'not_found', `No claim has the id "${id}".`);
    return jsonWithVersion(request, db, toClaimJson(claim));
  });
}
