/** Stable codes for store failures, so callers and logs can tell them apart without parsing messages. */
export type StoreErrorCode =
  | "store_unavailable"
  | "schema_too_new"
  | "migration_failed"
  | "unsupported_database"
  | "invalid_database_url"
  | "query_failed";

/** A database failure with a stable code, the driver's original error as cause, and a message saying how to fix it. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  override readonly cause: unknown;

  constructor(code: StoreErrorCode, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "StoreError";
    this.code = code;
    // Assigned explicitly: with ES2022 class fields a bare declaration would reset what super() set.
    this.cause = cause;
  }
}
