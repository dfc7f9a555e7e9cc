import { getDb } from '@/lib/db';
import { getClaimNumbers, toNumbersCsv } from '@/lib/numbers/queries';
import { serveStoredResource } from '@/lib/numbers/resource';

/** GET /claims/{id}/numbers.csv: the data behind the claim's chart, one row per figure. */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const db = await getDb();
  return serveStoredResource(
    request,
    db,
    'text/csv; charset=utf-8',
    async () => {
      const n = await getClaimNumbers(db, id);
      return n ? toNumbersCsv(n) : null;
    },
    `No numeric claim has the id "${id}".`,
    { 'Content-Disposition': `inline; filename="${id}-numbers.csv"` },
  );
}
