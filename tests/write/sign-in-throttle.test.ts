import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { accountDelayMs, checkSignInAllowed, recordSignInFailure, recordSignInSuccess, SIGN_IN_THROTTLE } from '../../lib/auth/sign-in-throttle';
import { resetPassword, signIn } from '../../lib/auth/users';
import { createSqliteDb } from '../../db/client';
import { createEditor, EDITOR_EMAIL, EDITOR_PASSWORD } from '../helpers/actors';
import { createTestDb } from '../helpers/test-db';

/** What the sign-in form does with one attempt (app/[locale]/sign-in/actions.ts): gate, check, count. */
async function attempt(db: Db, email: string, password: string, clientKey: string, now: number, deviceToken?: string): Promise<'signed-in' | 'wrong' | 'throttled'> {
  const gate = await checkSignInAllowed(db, { email, clientKey, deviceToken, now });
  if (!gate.ok) return 'throttled';
  const result = await signIn(db, email, password);
  if (!result) {
    await recordSignInFailure(db, { email, clientKey, now });
    return 'wrong';
  }
  await recordSignInSuccess(db, { email, now });
  return 'signed-in';
}

describe('sign-in throttling', () => {
  let db: Db;
  let filename: string;
  let cleanup: () => Promise<void>;
  const t0 = Date.UTC(2026, 11, 2, 12);
  beforeEach(async () => {
    ({ db, filename, cleanup } = await createTestDb());
    await createEditor(db);
  });
  afterEach(() => cleanup());

  it('backs off exponentially per account: 1 s, 2 s, 4 s … after the free failures, capped at 15 min', () => {
    const delays = Array.from({ length: 16 }, (_, i) => accountDelayMs(i + 1));
    expect(delays.slice(0, 3)).toEqual([0, 0, 0]);
    expect(delays.slice(3, 7)).toEqual([1000, 2000, 4000, 8000]);
    expect(delays.at(-1)).toBe(SIGN_IN_THROTTLE.maxDelayMs);
  });

  it('stops guesses spread over many addresses: five wrong passwords from each of twelve, then the right one, is refused', async () => {
    let now = t0;
    const outcomes: string[] = [];
    for (let address = 0; address < 12; address++) {
      for (let guess = 0; guess < 5; guess++) {
        outcomes.push(await attempt(db, EDITOR_EMAIL, `wrong guess ${address}-${guess}`, `198.51.100.${address}`, now));
        now += 1000; // a guess a second, as fast as the probe went
      }
    }
    // Most of the 60 guesses never reached the password check.
    expect(outcomes.filter((o) => o === 'wrong').length).toBeLessThan(15);
    expect(outcomes.filter((o) => o === 'throttled').length).toBeGreaterThan(45);
    expect(await attempt(db, EDITOR_EMAIL, EDITOR_PASSWORD, '198.51.100.99', now)).toBe('throttled');
    const gate = await checkSignInAllowed(db, { email: EDITOR_EMAIL, clientKey: '198.51.100.99', now });
    expect(gate).toMatchObject({ ok: false, scope: 'account' });
    // Waiting out the lock lets the owner in, and a success clears the account's count.
    now += SIGN_IN_THROTTLE.maxDelayMs + 1000;
    expect(await attempt(db, EDITOR_EMAIL, EDITOR_PASSWORD, '198.51.100.99', now)).toBe('signed-in');
    expect(await attempt(db, EDITOR_EMAIL, 'one more typo', '198.51.100.99', now + 1)).toBe('wrong');
    expect(await checkSignInAllowed(db, { email: EDITOR_EMAIL, clientKey: '198.51.100.99', now: now + 2 })).toEqual({ ok: true });
  });

  it('counts in the store, so a second server process sees the first one’s failures', async () => {
    const other = createSqliteDb(filename);
    for (let i = 0; i < 6; i++) await attempt(i % 2 ? db : other, EDITOR_EMAIL, 'wrong', `203.0.113.${i}`, t0 + i);
    expect(await checkSignInAllowed(other, { email: EDITOR_EMAIL, clientKey: '203.0.113.77', now: t0 + 10 })).toMatchObject({ ok: false, scope: 'account' });
    await other.destroy();
  });

  it('never locks the owner out of a password reset by the CLI, which ends the lock', async () => {
    for (let i = 0; i < 20; i++) await recordSignInFailure(db, { email: EDITOR_EMAIL, clientKey: `a${i}`, now: t0 });
    expect((await checkSignInAllowed(db, { email: EDITOR_EMAIL, clientKey: 'home', now: t0 + 1 })).ok).toBe(false);
    await resetPassword(db, EDITOR_EMAIL, 'a brand new passphrase');
    expect(await attempt(db, EDITOR_EMAIL, 'a brand new passphrase', 'home', t0 + 2)).toBe('signed-in');
  });

  it('refuses an address spraying many accounts, but not the owner’s browser that signed in from it before', async () => {
    await createEditor(db, 'colleague@example.org');
    const shared = '192.0.2.10';
    // The owner signed in from this office address last week: the browser keeps a device cookie.
    const { deviceToken } = await recordSignInSuccess(db, { email: EDITOR_EMAIL, now: t0 - 7 * 24 * 3600_000 });
    for (let i = 0; i < SIGN_IN_THROTTLE.addressFailures; i++) await attempt(db, `user${i}@example.org`, 'Winter2026!', shared, t0 + i);
    expect(await attempt(db, 'colleague@example.org', EDITOR_PASSWORD, shared, t0 + 100)).toBe('throttled');
    expect(await checkSignInAllowed(db, { email: 'colleague@example.org', clientKey: shared, now: t0 + 100 })).toMatchObject({ scope: 'address' });
    expect(await attempt(db, EDITOR_EMAIL, EDITOR_PASSWORD, shared, t0 + 101, deviceToken)).toBe('signed-in');
    // The cookie is for its own account only.
    expect(await attempt(db, 'colleague@example.org', EDITOR_PASSWORD, shared, t0 + 102, deviceToken)).toBe('throttled');
    // Another address is not affected, and the window ends.
    expect(await attempt(db, 'colleague@example.org', EDITOR_PASSWORD, '192.0.2.11', t0 + 103)).toBe('signed-in');
    expect(await attempt(db, 'colleague@example.org', EDITOR_PASSWORD, shared, t0 + SIGN_IN_THROTTLE.addressWindowMs + 1000)).toBe('signed-in');
  });
});
