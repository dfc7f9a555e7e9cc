import { writeRoute } from '../_lib/write-route';
import { getFreshSearchIndex } from '@/lib/intake/search-index';
import { parseIntakeForm, runIntake } from '@/lib/intake/service';
import { UserFacingError } from '@/lib/shared/errors';

export const dynamic = 'force-dynamic';

/** POST multipart (text | file | url, lang?, top?): the article's ranked candidates with their features and ledger matches. Editors only. */
export function POST(request: Request): Promise<Response> {
  return writeRoute(request, async ({ db, actor }) => {
    if (!actor) throw new UserFacingError('unauthorized', 'intake is for editors: sign in first');
    const form = await request.formData().catch(() => {
      throw new UserFacingError('invalid', 'send the article as a form (multipart/form-data or urlencoded)', 'text');
    });
    const input = await parseIntakeForm(form);
    const result = await runIntake(db, await getFreshSearchIndex(), input);
    return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
  });
}
