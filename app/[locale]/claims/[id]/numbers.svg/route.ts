import { getDb } from '@/lib/db';
import { getClaimChartSvg } from '@/lib/numbers/queries';
import { serveStoredResource } from '@/lib/numbers/resource';

/** GET /claims/{id}/numbers.svg: the claim's chart, drawn when its figures were written (the claim page embeds it). */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const db = await getDb();
  return serveStoredResource(request, db, 'image/svg+xml; charset=utf-8', () => getClaimChartSvg(db, id), `No numeric claim has the id "${id}".`);
}
