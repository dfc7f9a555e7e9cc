import { defineOperation, replyJson } from '@/lib/http/api-route';
import { intakeResultSchema } from '@/lib/http/api-schemas';
import { getFreshSearchIndex } from '@/lib/intake/search-index';
import { parseIntakeForm, runIntake } from '@/lib/intake/service';
import { UserFacingError } from '@/lib/shared/errors';

export const dynamic = 'force-dynamic';

export const POST = defineOperation(
  {
    method: 'POST',
    path: '/api/intake',
    summary: "An article's checkable sentences, ranked, with their features and ledger matches (writes nothing)",
    tags: ['intake'],
    auth: 'editor',
    multipart: 'fields `text`, `file` (plain text, HTML or Markdown) or `url` (fetched by the safe fetcher); optional `lang` and `top`',
    responses: { 200: { description: 'The ranked candidates.', schema: intakeResultSchema } },
    errors: [401, 403, 413, 415, 502],
  },
  async ({ db, request }) => {
    const form = await request.formData().catch(() => {
      throw new UserFacingError('invalid', 'send the article as a form (multipart/form-data or urlencoded)', 'text');
    });
    const input = await parseIntakeForm(form);
    return replyJson(await runIntake(db, await getFreshSearchIndex(), input));
  },
);
