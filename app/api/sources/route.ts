import { badQuery, handle, jsonWithVersion } from '../_lib/respond';
import { writeRoute } from '../_lib/write-route';
import { flattenParams } from '../../_lib/search-params';
import { getDb } from '@/lib/db';
import { newSourceInputSchema } from '@/lib/evidence/input';
import { etagOf } from '@/lib/evidence/write';
import { readJsonBody, requireEditor } from '@/lib/http/request';
import { listSources, sourceListQuerySchema } from '@/lib/sources/list-queries';
import { toSourceRecord } from '@/lib/sources/record';
import { createSource } from '@/lib/sources/write';

/** GET /api/sources?type=&reliability=&sort=&page=&pageSize= */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const parsed = sourceListQuerySchema.safeParse(flattenParams(new URL(request.url).searchParams));
    if (!parsed.success) return badQuery(parsed.error);
    const db = await getDb();
    return jsonWithVersion(request, db, await listSources(db, parsed.data));
  });
}

/**
 * POST /api/sources (editors): creates a source. A duplicate (same normalised URL or DOI)
 * is a 409 whose body names the existing source under error.existing.
 */
export function POST(request: Request): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    const editor = requireEditor(actor);
    const input = await readJsonBody(request, newSourceInputSchema);
    const row = await createSource(db, input, editor);
    return Response.json(toSourceRecord(row), {
      status: 201,
      headers: { ETag: etagOf(row.revision), Location: `/api/sources/${row.id}`, 'Cache-Control': 'no-store' },
    });
  });
}
