import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { withBusyAsUnavailable } from '../../db/transaction';

export interface RateLimitResult {
  ok: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/** No limiter uses a window longer than this; rows older than two of them are dead. */
const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Counts one event for `key` in a fixed window, in the database so that every server
 * process shares the same count. Over the limit the event is refused (the count keeps
 * growing, which changes nothing) and the caller learns how long until the window resets.
 */
export async function consumeRateLimit(
  db: Kysely<Database>,
  key: string,
  options: { limit: number; windowMs: number; now?: number },
): Promise<RateLimitResult> {
  const now = options.now ?? Date.now();
  const windowStart = Math.floor(now / options.windowMs) * options.windowMs;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + options.windowMs - now) / 1000));
  // One statement: insert the window or add one, atomically, whatever other processes do.
  const row = await withBusyAsUnavailable(() =>
    db
      .insertInto('rate_limit')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limit.count + 1` }))
      .returning('count')
      .executeTakeFirstOrThrow(),
  );
  if (row.count > options.limit) return { ok: false, remaining: 0, retryAfterSeconds };
  // Old windows are dead weight; drop them now and then. Only this key's past windows, and
  // anyone's rows older than any limiter's window: another limiter's live counts must survive.
  if (row.count === 1) {
    await db.deleteFrom('rate_limit').where('key', '=', key).where('window_start', '<', windowStart).execute();
    await db.deleteFrom('rate_limit').where('window_start', '<', now - 2 * MAX_WINDOW_MS).execute();
  }
  return { ok: true, remaining: options.limit - row.count, retryAfterSeconds };
}
