import { openDataFile } from '@/lib/open-data/published';

/** GET /data/{file}: a file of the published open dataset (see /data). */
export async function GET(request: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params;
  const found = openDataFile(file);
  if (!found) return Response.json({ error: { code: 'not_found', message: `No open-data file "${file}": /data lists the files there are.` } }, { status: 404 });
  const headers = { 'Content-Type': found.type, 'Content-Length': String(found.bytes), ETag: found.etag, 'Cache-Control': 'public, max-age=0, must-revalidate', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': `attachment; filename="${file}"` };
  if (request.headers.get('if-none-match') === found.etag) {
    await found.stream.cancel();
    return new Response(null, { status: 304, headers });
  }
  return new Response(found.stream, { headers });
}
