import { getDb } from '@/lib/db';
import { getClaimNumbers, getNumbersMetadata } from '@/lib/numbers/queries';
import { serveStoredResource } from '@/lib/numbers/resource';

/** GET /claims/{id}/numbers.json: the metadata beside the CSV (measure, units, columns, sources and licences). */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  const db = await getDb();
  const origin = new URL(request.url).origin;
  return serveStoredResource(
    request,
    db,
    'application/json; charset=utf-8',
    async () => {
      const n = await getClaimNumbers(db, id);
      return n ? JSON.stringify(await getNumbersMetadata(db, n, origin), null, 2) : null;
    },
    `No numeric claim has the id "${id}".`,
  );
}
