import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { consumeRateLimit } from '../../lib/auth/rate-limit';
import { createTestDb } from '../helpers/test-db';

const HOUR = 60 * 60 * 1000;

describe('rate limits', () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ db, cleanup } = await createTestDb()));
  afterEach(() => cleanup());

  it('refuses past the limit within a window, with the seconds until it resets, and allows again in the next', async () => {
    const now = Date.UTC(2026, 10, 28, 10, 30);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit(db, 'proposal:a', { limit: 3, windowMs: HOUR, now }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBe(30 * 60);
    expect((await consumeRateLimit(db, 'proposal:a', { limit: 3, windowMs: HOUR, now: now + 31 * 60 * 1000 })).ok).toBe(true);
  });

  it('keeps one limiter’s counts when another limiter with a shorter window starts a new one', async () => {
    const now = Date.UTC(2026, 10, 28, 10, 50);
    for (let i = 0; i < 3; i++) await consumeRateLimit(db, 'proposal:a', { limit: 3, windowMs: HOUR, now });
    // A sign-in attempt opens a fresh 15-minute window: it must not wipe the hourly proposal count.
    await consumeRateLimit(db, 'sign-in:a', { limit: 10, windowMs: 15 * 60 * 1000, now: now + 1000 });
    expect((await consumeRateLimit(db, 'proposal:a', { limit: 3, windowMs: HOUR, now: now + 2000 })).ok).toBe(false);
  });

  it('counts each key on its own', async () => {
    const now = Date.UTC(2026, 10, 28, 10, 0);
    expect((await consumeRateLimit(db, 'proposal:a', { limit: 1, windowMs: HOUR, now })).ok).toBe(true);
    expect((await consumeRateLimit(db, 'proposal:b', { limit: 1, windowMs: HOUR, now })).ok).toBe(true);
    expect((await consumeRateLimit(db, 'proposal:a', { limit: 1, windowMs: HOUR, now })).ok).toBe(false);
  });
});
