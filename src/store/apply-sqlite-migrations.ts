import type Database from "better-sqlite3";
import { createSchemaMigrationsTable, type Migration } from "./migrations.js";
import { StoreError } from "./store-error.js";

export interface MigrationRunOptions {
  now: () => number;
  /** Names the database in error messages, e.g. "the SQLite database /var/lib/threadport/threadport.db". */
  label: string;
}

/**
 * Brings a SQLite database up to the newest migration: applies only the missing ones, each in its own
 * transaction, and refuses a database written by a newer threadport.
 */
export function applySqliteMigrations(
  db: Database.Database,
  list: readonly Migration[],
  options: MigrationRunOptions,
): void {
  assertStrictlyIncreasing(list);
  runBookkeeping(db, options.label);
  const applied = readAppliedVersions(db, options.label);
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
    if (!applied.has(migration.version)) applyOne(db, migration, options);
  }
}

function assertStrictlyIncreasing(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    const previous = index === 0 ? 0 : list[index - 1]!.version;
    if (migration.version <= previous) {
      // A programming error, caught on the developer's first start rather than in production.
      throw new StoreError(
        "migration_failed",
        `Migration versions must increase strictly: ${migration.version} (${migration.name}) comes after ${previous}.`,
      );
    }
  });
}

function runBookkeeping(db: Database.Database, label: string): void {
  try {
    db.exec(createSchemaMigrationsTable);
  } catch (error) {
    throw new StoreError(
      "migration_failed",
      `Cannot create the schema_migrations table in ${label}: ${messageOf(error)}. ` +
        "Check that threadport may write to the database file and its directory.",
      error,
    );
  }
}

function readAppliedVersions(db: Database.Database, label: string): Set<number> {
  try {
    const rows = db.prepare<[], { version: number }>("SELECT version FROM schema_migrations").all();
    return new Set(rows.map((row) => row.version));
  } catch (error) {
    throw new StoreError(
      "migration_failed",
      `Cannot read schema_migrations in ${label}: ${messageOf(error)}.`,
      error,
    );
  }
}

function applyOne(db: Database.Database, migration: Migration, options: MigrationRunOptions): void {
  const transaction = db.transaction(() => {
    // Another process may have applied it since we looked; under the IMMEDIATE write lock this check is reliable.
    const done = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(migration.version);
    if (done) return;
    db.exec(migration.up);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(
      migration.version,
      migration.name,
      new Date(options.now()).toISOString(),
    );
  });
  try {
    transaction.immediate();
  } catch (error) {
    throw new StoreError(
      "migration_failed",
      `Migration ${migration.version} (${migration.name}) failed on ${options.label}: ${messageOf(error)}. ` +
        "It was rolled back; the database stays at the previous version. Check the file's permissions and " +
        "free disk space, then restart.",
      error,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
