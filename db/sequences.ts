import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * After rows are inserted with their own ids (an import), PostgreSQL's serial sequences
 * still start at 1, and the next insert would collide. Move each past the largest id.
 * SQLite's AUTOINCREMENT already follows the largest id: nothing to do there.
 */
export async function advanceIdSequences<DB>(db: Kysely<DB>, tables: readonly string[]): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of tables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
  }
}
