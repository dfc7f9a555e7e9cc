import { getDb } from '@/lib/db';
import { getSeriesChartSvg } from '@/lib/numbers/queries';
import { serveStoredResource } from '@/lib/numbers/resource';

/** GET /numbers/series/{family}.svg: one measure family's series chart (GPT-3, GPT-4, GPT-5…), drawn at write time. */
export async function GET(request: Request, ctx: { params: Promise<{ family: string }> }): Promise<Response> {
  const { family } = await ctx.params;
  const db = await getDb();
  const key = family.replace(/\.svg$/, '');
  return serveStoredResource(request, db, 'image/svg+xml; charset=utf-8', () => getSeriesChartSvg(db, key), `No series "${key}".`);
}
