import { getDb } from '@/lib/db';
import { authenticateRequest } from '@/lib/http/request';
import { handleWrite } from '@/lib/http/respond';

// Who is signed in: asked by the header and the editor controls from the browser, so that
// the pages themselves never read the cookie and stay cacheable for everyone.
export const dynamic = 'force-dynamic';

/** GET /api/session: { signedIn, email?, role? } for this browser's session cookie. */
export function GET(request: Request): Promise<Response> {
  return handleWrite(async () => {
    const actor = await authenticateRequest(await getDb(), request);
    const body = actor ? { signedIn: true, email: actor.email, role: actor.role } : { signedIn: false };
    return Response.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
  });
}
