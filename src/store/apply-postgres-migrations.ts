/**
 * Brings a PostgreSQL database up to the newest migration, like the SQLite runner: only the missing ones,
 * each in its own transaction, refusing a database written by a newer threadport. An advisory lock makes
 * replicas that start together take turns.
 */
import type { Pool } from "pg";
import { createSchemaMigrationsTable, type Migration } from "./migrations.js";
import { StoreError } from "./store-error.js";

/** Any fixed number; names the lock that serialises migrations across replicas. */
const MIGRATION_LOCK = 727_020_601;

export async function applyPostgresMigrations(
  pool: Pool,
  list: readonly Migration[],
  options: { now: () => number; label: string },
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query(createSchemaMigrationsTable);
      const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
      const applied = new Set(rows.map((row) => Number(row.version)));
      const newestKnown = list.at(-1)?.version ?? 0;
      const newestApplied = Math.max(0, ...applied);
      if (newestApplied > newestKnown) {
        throw new StoreError(
          "schema_too_new",
          `${options.label} has schema version ${newestApplied}, but this threadport only knows versions up to ` +
            `${newestKnown}: it was written by a newer threadport. Upgrade threadport, or point DATABASE_URL at ` +
            "another database.",
        );
      }
      for (const migration of list) {
        if (applied.has(migration.version)) continue;
        try {
          await client.query("BEGIN");
          await client.query(migration.up);
          await client.query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            [migration.version, migration.name, new Date(options.now()).toISOString()],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw new StoreError(
            "migration_failed",
            `Migration ${migration.version} (${migration.name}) failed on ${options.label}: ${messageOf(error)}. ` +
              "It was rolled back; the database stays at the previous version. Check that threadport's " +
              "database user may create tables, then restart.",
            error,
          );
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
