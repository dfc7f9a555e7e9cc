import { writeRoute } from '../../_lib/write-route';
import { buildDraftDownload, parseIntakeForm } from '@/lib/intake/service';
import { UserFacingError } from '@/lib/shared/errors';

export const dynamic = 'force-dynamic';

/** POST the same form plus source and the ticked ranks: the drafts as one .mdx file or a .zip, to download. Writes nothing. */
export function POST(request: Request): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    if (!actor) throw new UserFacingError('unauthorized', 'intake is for editors: sign in first');
    const form = await request.formData().catch(() => {
      throw new UserFacingError('invalid', 'send the article as a form (multipart/form-data or urlencoded)', 'text');
    });
    const input = await parseIntakeForm(form);
    const file = await buildDraftDownload(db, input, { today: new Date().toISOString().slice(0, 10) });
    return new Response(Buffer.from(file.body), {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
