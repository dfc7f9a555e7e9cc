import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { withBusyAsUnavailable } from '../../db/transaction';
import { createSecret, hashSecret } from './secrets';

/**
 * Failed sign-ins slow down guessing two ways, with the counts in the store so that every
 * server process (and every address a guesser spreads over) adds to the same numbers:
 *
 * - per account: a few free failures, then each one locks the account for twice as long as
 *   the last (1 s, 2 s, 4 s … up to 15 min), whatever address the guesses come from; a
 *   success, a quiet day or a password reset by the CLI (which is never throttled) clears it;
 * - per address: many failures in a short window (password spraying over many accounts)
 *   refuse that address for the rest of the window, except for a browser that has signed in
 *   to the account before (its device cookie), so a guesser sharing the owner's address
 *   does not lock the owner out.
 */
export const SIGN_IN_THROTTLE = {
  freeFailures: 3,
  firstDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  /** An account's failures are forgotten after this long without one. */
  accountMemoryMs: 24 * 60 * 60 * 1000,
  addressFailures: 20,
  addressWindowMs: 15 * 60 * 1000,
  deviceLifetimeMs: 90 * 24 * 60 * 60 * 1000,
} as const;

export const DEVICE_COOKIE = 'cl_device';

export type SignInGate = { ok: true } | { ok: false; scope: 'account' | 'address'; retryAfterSeconds: number };

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (clientKey: string) => `address:${clientKey}`;
const deviceKey = (token: string) => `device:${hashSecret(token)}`;

/** How long the account stays locked after its `failures`-th failure in a row. */
export function accountDelayMs(failures: number): number {
  if (failures <= SIGN_IN_THROTTLE.freeFailures) return 0;
  return Math.min(SIGN_IN_THROTTLE.maxDelayMs, SIGN_IN_THROTTLE.firstDelayMs * 2 ** (failures - SIGN_IN_THROTTLE.freeFailures - 1));
}

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/** Whether a sign-in may be tried now (asked before the password is checked, so a locked account reveals nothing). */
export async function checkSignInAllowed(
  db: Kysely<Database>,
  input: { email: string; clientKey: string; deviceToken?: string; now?: number },
): Promise<SignInGate> {
  const now = input.now ?? Date.now();
  const keys = [accountKey(input.email), addressKey(input.clientKey), ...(input.deviceToken ? [deviceKey(input.deviceToken)] : [])];
  const rows = new Map((await db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute()).map((r) => [r.key, r]));
  const account = rows.get(keys[0]!);
  if (account && account.locked_until > now) return { ok: false, scope: 'account', retryAfterSeconds: secondsUntil(account.locked_until, now) };
  const address = rows.get(keys[1]!);
  const device = keys[2] ? rows.get(keys[2]) : undefined;
  const knownDevice = device?.email === input.email.trim().toLowerCase() && now - device.window_start < SIGN_IN_THROTTLE.deviceLifetimeMs;
  if (address && address.locked_until > now && !knownDevice) return { ok: false, scope: 'address', retryAfterSeconds: secondsUntil(address.locked_until, now) };
  return { ok: true };
}

/** Counts a wrong password (or unknown email: the same answer either way) against the account and the address. */
export function recordSignInFailure(db: Kysely<Database>, input: { email: string; clientKey: string; now?: number }): Promise<void> {
  return withBusyAsUnavailable(() => countFailure(db, input));
}

async function countFailure(db: Kysely<Database>, input: { email: string; clientKey: string; now?: number }): Promise<void> {
  const now = input.now ?? Date.now();
  const { accountMemoryMs, addressWindowMs, addressFailures, deviceLifetimeMs } = SIGN_IN_THROTTLE;
  // One statement each: several processes counting at once add up, none overwrites another.
  const account = await db
    .insertInto('sign_in_throttle')
    .values({ key: accountKey(input.email), failures: 1, window_start: now, locked_until: 0 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when sign_in_throttle.window_start < ${now - accountMemoryMs} then 1 else sign_in_throttle.failures + 1 end`,
        window_start: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const delay = accountDelayMs(account.failures);
  if (delay > 0) await db.updateTable('sign_in_throttle').set({ locked_until: now + delay }).where('key', '=', accountKey(input.email)).execute();

  const address = await db
    .insertInto('sign_in_throttle')
    .values({ key: addressKey(input.clientKey), failures: 1, window_start: now, locked_until: 0 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when sign_in_throttle.window_start < ${now - addressWindowMs} then 1 else sign_in_throttle.failures + 1 end`,
        window_start: sql`case when sign_in_throttle.window_start < ${now - addressWindowMs} then ${now} else sign_in_throttle.window_start end`,
      }),
    )
    .returning(['failures', 'window_start'])
    .executeTakeFirstOrThrow();
  if (address.failures >= addressFailures) {
    await db.updateTable('sign_in_throttle').set({ locked_until: Number(address.window_start) + addressWindowMs }).where('key', '=', addressKey(input.clientKey)).execute();
  }
  // Rows nobody can be held back by any more (and devices past their lifetime).
  if (account.failures === 1) {
    await db.deleteFrom('sign_in_throttle').where('window_start', '<', now - Math.max(accountMemoryMs, deviceLifetimeMs)).execute();
  }
}

/**
 * A right password: the account's failures are forgotten, and this browser becomes one the
 * account has signed in from (the token returned goes in its device cookie).
 */
export async function recordSignInSuccess(db: Kysely<Database>, input: { email: string; now?: number }): Promise<{ deviceToken: string }> {
  const now = input.now ?? Date.now();
  const deviceToken = createSecret('cld');
  await withBusyAsUnavailable(async () => {
    await clearAccountThrottle(db, input.email);
    await db.insertInto('sign_in_throttle').values({ key: deviceKey(deviceToken), failures: 0, window_start: now, locked_until: 0, email: input.email.trim().toLowerCase() }).execute();
  });
  return { deviceToken };
}

/** The CLI's password reset ends any lock on the account: its owner is never locked out for good. */
export async function clearAccountThrottle(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', accountKey(email)).execute();
}
