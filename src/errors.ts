/**
 * Coded errors. Adapters (Slack, GitLab) translate their failures into these at the edge, so the core and
 * the user-facing messages depend on a stable code, never on a library's error shape.
 */
export type ErrorCode =
  | "slack_not_in_channel"
  | "slack_channel_not_found"
  | "slack_thread_not_found"
  | "slack_missing_scope"
  | "slack_invalid_auth"
  | "slack_unavailable"
  | "gitlab_unauthorized"
  | "gitlab_forbidden"
  | "gitlab_project_not_found"
  | "gitlab_rejected"
  | "gitlab_unavailable"
  | "no_project"
  | "internal";

export class ThreadportError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, string | number | undefined> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ThreadportError";
  }

  /** Whether trying again later, unchanged, may succeed. */
  get transient(): boolean {
    return this.code === "slack_unavailable" || this.code === "gitlab_unavailable";
  }
}

/** Wraps anything thrown into a ThreadportError, keeping known ones as they are. */
export function asThreadportError(error: unknown): ThreadportError {
  if (error instanceof ThreadportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ThreadportError("internal", message, {}, { cause: error });
}
