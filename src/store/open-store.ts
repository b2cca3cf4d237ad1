import { fileURLToPath } from "node:url";
import { openSqliteStore } from "./sqlite-store.js";
import type { Store } from "./store.js";
import { StoreError } from "./store-error.js";

const SUPPORTED_FORMS =
  "a file path (./data/threadport.db), a file: URL (file:///var/lib/threadport/threadport.db), a sqlite: URL " +
  "(sqlite:./data/threadport.db) or a PostgreSQL URL (postgres://user:password@host:5432/threadport)";

/**
 * Opens the store that DATABASE_URL names. Accepted: a plain path, `file:` and `sqlite:` URLs (SQLite, the
 * default); `postgres://` / `postgresql://` (PostgreSQL, for several replicas).
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "postgres") {
    // Loaded only for PostgreSQL: pg and its helpers are about 14 MB that a SQLite install never uses.
    const { openPostgresStore } = await import("./postgres-store.js");
    return openPostgresStore(target.url);
  }
  return openSqliteStore(target.path);
}

export type DatabaseTarget = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

/** What DATABASE_URL names: a SQLite file, or a PostgreSQL server (postgres:// or postgresql://). */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  const url = databaseUrl.trim();
  if (url === "") {
    throw new StoreError("invalid_database_url", `DATABASE_URL is empty. Set it to ${SUPPORTED_FORMS}.`);
  }
  const scheme = schemeOf(url);
  if (scheme === "postgres" || scheme === "postgresql") return { kind: "postgres", url };
  return { kind: "sqlite", path: sqlitePathOf(url, scheme) };
}

/** The URL scheme in lower case, or undefined for a plain path. Needs two letters so "C:\db" stays a path. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
}

function sqlitePathOf(url: string, scheme: string | undefined): string {
  if (scheme === undefined) return url;
  if (scheme === "sqlite") return pathAfterScheme(url, "sqlite:".length);
  if (scheme === "file") {
    // file:///abs/path is a real URL (percent-decoded); Prisma-style file:./relative.db is a bare path.
    return url.startsWith("file://") ? fileUrlToPath(url) : pathAfterScheme(url, "file:".length);
  }
  throw new StoreError(
    "unsupported_database",
    `DATABASE_URL uses the unsupported scheme "${scheme}:". Set it to ${SUPPORTED_FORMS}.`,
  );
}

/** "sqlite:data/x.db" and "sqlite://data/x.db" are relative; "sqlite:/x.db" and "sqlite:///x.db" absolute. */
function pathAfterScheme(url: string, start: number): string {
  const rest = url.slice(start);
  const filePath = rest.startsWith("//") ? rest.slice(2) : rest;
  if (filePath === "") {
    throw new StoreError(
      "invalid_database_url",
      `DATABASE_URL "${url}" names no file. Set it to ${SUPPORTED_FORMS}.`,
    );
  }
  return filePath;
}

function fileUrlToPath(url: string): string {
  try {
    return fileURLToPath(url);
  } catch (error) {
    throw new StoreError(
      "invalid_database_url",
      `DATABASE_URL "${url}" is not a valid file: URL (${error instanceof Error ? error.message : error}). ` +
        `Set it to ${SUPPORTED_FORMS}.`,
      error,
    );
  }
}
