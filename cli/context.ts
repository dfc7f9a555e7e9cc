import { createDb, type Db } from '../db/client';
import { prepareStoreOrThrow } from '../lib/history/prepare-store';
import { getDatabaseTarget } from '../lib/env';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Reads all of standard input (for --password-stdin and import from "-"). */
  readStdin: () => Promise<string>;
  /** Asks for a secret on the terminal without echoing it. */
  promptSecret: (question: string) => Promise<string>;
}

export class UsageError extends Error {}

/** Opens the configured database, migrated, and closes it after `fn`. */
export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(getDatabaseTarget());
  try {
    await prepareStoreOrThrow(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

export function requireArg(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`missing ${name}`);
  return value;
}
