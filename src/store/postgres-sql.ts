/** A thin query helper over a pg Pool, and the mapping of driver failures to StoreErrors. */
import type { Pool, QueryResultRow } from "pg";
import { StoreError } from "./store-error.js";

export interface Sql {
  rows<R extends QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(text: string, values?: unknown[]): Promise<number>;
}

/** SQLSTATE classes and codes that mean "the database cannot be used right now", not "this query is wrong". */
const UNAVAILABLE = /^(08|53|57P0[1-3])/;
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "EPIPE"]);

/** Raw queries; the store wraps each of its methods to turn failures into StoreErrors. */
export function sqlOver(pool: Pool): Sql {
  return {
    rows: async (text, values) => (await pool.query(text, values)).rows,
    run: async (text, values) => (await pool.query(text, values)).rowCount ?? 0,
  };
}

export function toStoreError(operation: string, label: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: string })?.code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (
    UNAVAILABLE.test(code) ||
    NETWORK.has(code) ||
    /Connection terminated|connect|pool.*end/i.test(message)
  ) {
    return new StoreError(
      "store_unavailable",
      `Could not ${operation}: ${label} cannot be reached (${message}). Check DATABASE_URL and that the server runs.`,
      error,
    );
  }
  return new StoreError("query_failed", `Could not ${operation}: ${message}.`, error);
}

/** Names a PostgreSQL database for messages without its password: "the PostgreSQL database db:5432/threadport". */
export function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    return `the PostgreSQL database ${parsed.host}${parsed.pathname}`;
  } catch {
    return "the PostgreSQL database";
  }
}
