import 'server-only';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/auth/users';
import { getDb } from '@/lib/db';
import { assertSameOrigin, authenticateRequest } from '@/lib/http/request';
import { handleWrite } from '@/lib/http/respond';

/**
 * Every write handler starts here: refuse other origins, then identify the caller from
 * its token or session (checked by the handler itself, never assumed from the route).
 */
export function writeRoute(request: Request, fn: (ctx: { db: Db; actor: Actor | null }) => Promise<Response>): Promise<Response> {
  return handleWrite(async () => {
    assertSameOrigin(request);
    const db = await getDb();
    const actor = await authenticateRequest(db, request);
    return fn({ db, actor });
  });
}
