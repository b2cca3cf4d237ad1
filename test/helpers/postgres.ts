/**
 * The PostgreSQL server the tests use (CI's .ci/run starts one: 127.0.0.1:5432, trust auth, database
 * `test`). Each test gets a fresh schema or database of its own, so runs never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const POSTGRES_URL =
  process.env.THREADPORT_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** True when the server answers; the PostgreSQL tests are skipped (with a message) only when it does not. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    console.warn(
      `PostgreSQL tests SKIPPED: no server at ${POSTGRES_URL} (${error instanceof Error ? error.message : error}). ` +
        "Start one (CI does, in .ci/run) or set THREADPORT_TEST_POSTGRES_URL.",
    );
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

export interface Scratch {
  url: string;
  drop(): Promise<void>;
}

/** A new empty schema in the test database; the URL puts it first on the search path. */
export async function freshSchema(): Promise<Scratch> {
  const schema = uniqueName("tp");
  await admin((client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(POSTGRES_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => {}),
  };
}

/** A new empty database, for whole bot processes (pg-boss keeps its own schema in it). */
export async function freshDatabase(): Promise<Scratch> {
  const name = uniqueName("threadport");
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
