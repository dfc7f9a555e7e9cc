import { getEnv } from '../env';
import { buildFetcher, type FetchSeams, type SafeFetcher } from './safe-fetch';

/**
 * A fetcher with test seams: an injected resolver and exact endpoints let through, so a local
 * server can play an outside site. Only tests import this module (lint refuses it elsewhere),
 * nothing reads its settings from configuration, and it refuses to exist in production.
 */
export function createTestFetcher(seams: FetchSeams): SafeFetcher {
  if (getEnv().NODE_ENV === 'production') throw new Error('the test fetcher is not available in production');
  return buildFetcher(seams);
}
