import type { Migration } from 'kysely';
import * as m0001 from './0001-create-store';

/** Static registry: bundlers and tsx see every migration; nothing is discovered at runtime. */
export const migrations: Record<string, Migration> = {
  '0001-create-store': m0001,
};
