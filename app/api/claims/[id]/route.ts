import { apiError, handle, jsonWithVersion, toClaimJson } from '../../_lib/respond';
import { getClaimPage } from '@/lib/claims/claim-page';
import { getDb } from '@/lib/db';
import { getClaimNumbers } from '@/lib/numbers/queries';

/** GET /api/claims/{id}: one claim with its chain, evidence, notes and related claims. */
export function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = await ctx.params;
    const db = await getDb();
    const claim = await getClaimPage(db, id);
    if (!claim) return apiError(404, 'not_found', `No claim has the id "${id}".`);
    // The numbers block: comparison, contradictions, series and the chart and data URLs (null: no figure).
    return jsonWithVersion(request, db, { ...toClaimJson(claim), numbers: await getClaimNumbers(db, id) });
  });
}
