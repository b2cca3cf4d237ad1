import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Migration, migrations } from "../../src/store/migrations.js";
import { openSqliteStore, SqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { StoreError } from "../../src/store/store-error.js";
import { describeStoreContract } from "./store-contract.js";

const tempDirs: string[] = [];

function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadport-store-"));
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describeStoreContract(
  "SqliteStore on a file",
  async (now) => {
    const file = path.join(makeTempDir(), "threadport.db");
    return { store: await openSqliteStore(file, { now }), reopen: () => openSqliteStore(file, { now }) };
  },
  { survivesReopen: true },
);

describeStoreContract(
  "SqliteStore in memory",
  async (now) => ({ store: await openSqliteStore(":memory:", { now }) }),
  {
    survivesReopen: false,
  },
);

/** Reads a database file directly, as an operator would with the sqlite3 shell. */
function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function appliedMigrations(file: string) {
  return inspect(file, (db) =>
    db.prepare("SELECT version, name, applied_at FROM schema_migrations ORDER BY version").all(),
  ) as { version: number; name: string; applied_at: string }[];
}

async function openedAndClosed(file: string, list?: readonly Migration[]): Promise<void> {
  const store = await openSqliteStore(file, list ? { migrations: list } : {});
  await store.close();
}

async function failureOf(opening: Promise<Store>): Promise<StoreError> {
  const error = await opening.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

const latest = migrations.at(-1)!.version;
/** A migration a later threadport might add. */
const next: Migration = {
  version: latest + 1,
  name: "next",
  up: "CREATE TABLE next_table (id TEXT NOT NULL)",
};

describe("openSqliteStore", () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = makeTempDir();
    file = path.join(dir, "threadport.db");
  });

  it("returns a SqliteStore", async () => {
    const store = await openSqliteStore(":memory:");
    expect(store).toBeInstanceOf(SqliteStore);
    await store.close();
  });

  it("creates missing parent directories of the database file", async () => {
    const nested = path.join(dir, "var", "lib", "threadport.db");
    await openedAndClosed(nested);
    expect(fs.existsSync(nested)).toBe(true);
  });

  it("puts the database file in WAL mode", async () => {
    await openedAndClosed(file);
    expect(inspect(file, (db) => db.pragma("journal_mode", { simple: true }))).toBe("wal");
  });

  it("creates the thread_links, slack_users and handled_events tables", async () => {
    await openedAndClosed(file);
    const tables = inspect(file, (db) =>
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all(),
    );
    // Later migrations add more tables (each feature checks its own); these must always be there.
    expect(tables).toEqual(
      expect.arrayContaining(["handled_events", "schema_migrations", "slack_users", "thread_links"]),
    );
    expect(tables).toEqual(expect.arrayContaining(["nudge_threads", "nudge_settings"]));
  });

  it("records each migration once, and not again when the file is reopened", async () => {
    await openedAndClosed(file);
    const recorded = appliedMigrations(file);
    expect(recorded.map(({ version, name }) => ({ version, name }))).toEqual(
      migrations.map(({ version, name }) => ({ version, name })),
    );
    expect(recorded[0]?.applied_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await openedAndClosed(file);
    expect(appliedMigrations(file)).toEqual(recorded);
  });

  it("applies only the migrations an existing database is missing", async () => {
    await openedAndClosed(file);
    const before = appliedMigrations(file);
    // Re-running a recorded migration would fail: its tables exist already.
    await openedAndClosed(file, [...migrations, next]);
    const after = appliedMigrations(file);
    expect(after.map((row) => row.version)).toEqual([...migrations.map((m) => m.version), next.version]);
    expect(after.slice(0, -1)).toEqual(before);
  });

  it("rolls back a failing migration and reports migration_failed", async () => {
    const broken: Migration = {
      ...next,
      name: "broken",
      up: "CREATE TABLE half (id TEXT); CREATE TABLE oops (",
    };
    const error = await failureOf(openSqliteStore(file, { migrations: [...migrations, broken] }));
    expect(error.code).toBe("migration_failed");
    expect(error.message).toContain(`Migration ${broken.version} (broken) failed`);
    expect(appliedMigrations(file).map((row) => row.version)).toEqual(migrations.map((m) => m.version));
    const half = inspect(file, (db) =>
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get(),
    );
    expect(half).toBeUndefined();
  });

  it("rejects migrations that are not in increasing order", async () => {
    const error = await failureOf(openSqliteStore(file, { migrations: [next, ...migrations] }));
    expect(error.code).toBe("migration_failed");
    expect(error.message).toMatch(/increase strictly/);
  });

  it("refuses a database written by a newer threadport and says to upgrade", async () => {
    await openedAndClosed(file);
    inspect(file, (db) =>
      db
        .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
        .run(999, "from_the_future", new Date().toISOString()),
    );
    const error = await failureOf(openSqliteStore(file));
    expect(error.code).toBe("schema_too_new");
    expect(error.message).toMatch(/schema version 999/);
    expect(error.message).toMatch(/Upgrade threadport/);
  });

  it("explains how to fix a path that is a directory", async () => {
    const error = await failureOf(openSqliteStore(dir));
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toMatch(/Check DATABASE_URL/);
    expect(error.cause).toBeInstanceOf(Database.SqliteError);
  });

  it("explains how to fix a path whose parent is a file", async () => {
    const plainFile = path.join(dir, "not-a-dir");
    fs.writeFileSync(plainFile, "x");
    const error = await failureOf(openSqliteStore(path.join(plainFile, "threadport.db")));
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toMatch(/Cannot create the directory .*Check DATABASE_URL/);
  });

  it("explains how to fix a file that is not a SQLite database", async () => {
    fs.writeFileSync(
      file,
      "this is a text file, not a database, and it is long enough to have a header\n".repeat(3),
    );
    const error = await failureOf(openSqliteStore(file));
    expect(error.code).toBe("store_unavailable");
    expect(error.message).toMatch(/not a SQLite database\. Check DATABASE_URL/);
  });

  it("reports store_unavailable when used after close", async () => {
    const store = await openSqliteStore(file);
    await store.close();
    await expect(store.claimEvent("Ev1")).rejects.toMatchObject({ code: "store_unavailable" });
  });
});
