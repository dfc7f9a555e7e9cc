import { type Kysely, Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function throwOnError(result: MigrationResultSet): MigrationResultSet {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return result;
}

/** Applies every pending migration; returns the names applied in this call. */
export async function migrateToLatestOrThrow(db: Kysely<any>): Promise<string[]> {
  const result = throwOnError(await createMigrator(db).migrateToLatest());
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateDownOrThrow(db: Kysely<any>): Promise<string[]> {
  const result = throwOnError(await createMigrator(db).migrateDown());
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
