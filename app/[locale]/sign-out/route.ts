import { signOut } from '@/lib/auth/users';
import { getDb } from '@/lib/db';
import { assertSameOrigin, readCookie, SESSION_COOKIE } from '@/lib/http/request';
import { toErrorResponse } from '@/lib/http/api-route';

/** POST /sign-out: ends the session in the database and clears the cookie (POST only: a link cannot sign you out). */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const token = readCookie(request, SESSION_COOKIE);
    if (token) await signOut(await getDb(), token);
    const headers = new Headers({ Location: '/', 'Cache-Control': 'no-store' });
    headers.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return new Response(null, { status: 303, headers });
  } catch (error) {
    return toErrorResponse(error);
  }
}
