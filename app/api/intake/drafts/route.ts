import { defineOperation } from '@/lib/http/api-route';
import { buildDraftDownload, parseIntakeForm } from '@/lib/intake/service';
import { UserFacingError } from '@/lib/shared/errors';

export const dynamic = 'force-dynamic';

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/intake/drafts',
    summary: 'Draft claim records for the ticked candidates, as one .mdx file or a .zip to download (writes nothing)',
    tags: ['intake'],
    auth: 'editor',
    multipart: 'the fields of POST /api/intake, plus `source` and the ticked `rank`s',
    responses: { 200: { description: 'The drafts: one MDX file, or a zip of several.', mediaTypes: ['text/markdown', 'application/zip'] } },
    errors: [401, 403, 413, 415, 502],
  },
  async ({ db, request }) => {
    const form = await request.formData().catch(() => {
      throw new UserFacingError('invalid', 'send the article as a form (multipart/form-data or urlencoded)', 'text');
    });
    const input = await parseIntakeForm(form);
    const file = await buildDraftDownload(db, input, { today: new Date().toISOString().slice(0, 10) });
    return new Response(Buffer.from(file.body), {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.fileName}"`, 'Cache-Control': 'no-store' },
    });
  },
);
