/** The store check: the database answers and its schema is the one this threadport expects. */
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { migrations } from "../../store/migrations.js";
import { parseDatabaseUrl } from "../../store/open-store.js";
import { describePostgres } from "../../store/postgres-sql.js";
import { type CheckResult, failed, ok } from "./check-result.js";

/** Reads the schema version without changing anything (threadport itself migrates at start). */
export async function checkStore(databaseUrl: string): Promise<CheckResult & { current?: boolean }> {
  const name = "Store and migrations";
  const newest = migrations.at(-1)?.version ?? 0;
  let target: ReturnType<typeof parseDatabaseUrl>;
  try {
    target = parseDatabaseUrl(databaseUrl);
  } catch (error) {
    return failed(name, messageOf(error), "fix DATABASE_URL");
  }
  try {
    const version = target.kind === "sqlite" ? sqliteVersion(target.path) : await postgresVersion(target.url);
    const where =
      target.kind === "sqlite" ? `SQLite ${target.path}` : describePostgres(target.url).replace(/^the /, "");
    if (version === undefined)
      return ok(name, `${where} is reachable; threadport creates its tables at the first start`);
    if (version > newest) {
      return failed(
        name,
        `${where} has schema version ${version}, newer than this threadport (${newest})`,
        "upgrade threadport",
      );
    }
    if (version < newest)
      return ok(name, `${where} at schema version ${version}; threadport migrates it to ${newest} at start`);
    return { ...ok(name, `${where} reachable, schema version ${version} (current)`), current: true };
  } catch (error) {
    return failed(
      name,
      `the database cannot be read (${messageOf(error)})`,
      target.kind === "sqlite"
        ? "check DATABASE_URL and that threadport may read and write the file and its directory"
        : "check DATABASE_URL (host, port, user, password, database) and that PostgreSQL runs",
    );
  }
}

function sqliteVersion(path: string): number | undefined {
  if (path === ":memory:" || !fs.existsSync(path)) return undefined;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
      .get();
    if (!table) return undefined;
    const row = db
      .prepare<[], { version: number | null }>("SELECT MAX(version) AS version FROM schema_migrations")
      .get();
    return row?.version ?? undefined;
  } finally {
    db.close();
  }
}

async function postgresVersion(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
    );
    if (!rows[0]?.exists) return undefined;
    const result = await client.query<{ version: number | null }>(
      "SELECT MAX(version) AS version FROM schema_migrations",
    );
    return result.rows[0]?.version ?? undefined;
  } finally {
    await client.end();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
