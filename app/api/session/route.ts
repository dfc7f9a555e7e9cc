import { defineOperation, replyJson } from '@/lib/http/api-route';
import { sessionSchema } from '@/lib/http/api-schemas';

// Who is signed in: asked by the header and the editor controls from the browser, so that
// the pages themselves never read the cookie and stay cacheable for everyone.
export const dynamic = 'force-dynamic';

export const GET = defineOperation(
  {
    method: 'GET',
    path: '/api/session',
    summary: "Who this browser's session cookie (or bearer token) belongs to",
    tags: ['session'],
    auth: 'optional',
    responses: { 200: { description: '{ signedIn, email?, role? }', schema: sessionSchema } },
    errors: [401],
  },
  async ({ actor }) => replyJson(actor ? { signedIn: true, email: actor.email, role: actor.role } : { signedIn: false }, { cache: 'private, no-store' }),
);
