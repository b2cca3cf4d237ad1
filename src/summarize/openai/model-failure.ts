/**
 * Why a model summary failed, in words fit for the issue ("the model failed: timeout") and a stable code
 * for logs. Built from the openai SDK's error classes at this edge, so nothing else depends on them.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
} from "openai/error";
import { parseRetryAfter } from "../../util/retry-with-backoff.js";

export type ModelFailureCode =
  | "timeout"
  | "rate_limited"
  | "server_error"
  | "rejected"
  | "unreachable"
  | "refused"
  | "truncated"
  | "content_filter"
  | "invalid_output"
  | "too_long";

export class ModelSummaryError extends Error {
  constructor(
    readonly code: ModelFailureCode,
    /** Short reason shown in the issue, e.g. "rate limited (HTTP 429)". */
    readonly reason: string,
    readonly details: Record<string, string | number | undefined> = {},
    options?: { cause?: unknown },
  ) {
    super(`model summary failed: ${reason}`, options);
    this.name = "ModelSummaryError";
  }
}

/** Translates anything a model request threw into a ModelSummaryError. */
export function toModelSummaryError(error: unknown): ModelSummaryError {
  if (error instanceof ModelSummaryError) return error;
  const wrap = (code: ModelFailureCode, reason: string, details = {}) =>
    new ModelSummaryError(code, reason, details, { cause: error });
  // Order matters: the timeout and abort errors are subclasses of the connection and API errors.
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) {
    return wrap("timeout", "timeout");
  }
  if (error instanceof APIConnectionError) return wrap("unreachable", "could not connect");
  if (error instanceof APIError) {
    const status = error.status;
    const details = { status, type: error.type, apiCode: error.code ?? undefined };
    if (status === 429) return wrap("rate_limited", "rate limited (HTTP 429)", details);
    if (status !== undefined && status >= 500)
      return wrap("server_error", `server error (HTTP ${status})`, details);
    if (status === 408) return wrap("timeout", "timeout", details);
    return wrap("rejected", `request rejected (HTTP ${status ?? "?"})`, details);
  }
  if (error instanceof LengthFinishReasonError) return wrap("truncated", "answer cut off at the token limit");
  if (error instanceof ContentFilterFinishReasonError) return wrap("content_filter", "content filter");
  if (error instanceof SyntaxError) return wrap("invalid_output", "answer was not valid JSON");
  if (error instanceof Error && error.name === "ZodError")
    return wrap("invalid_output", "answer did not match the schema");
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return wrap("timeout", "timeout");
  }
  return wrap("invalid_output", error instanceof Error ? error.name : "unknown error");
}

/** Whether the same request may succeed soon: rate limits, server errors and dropped connections. */
export function isRetryable(error: ModelSummaryError): boolean {
  return error.code === "rate_limited" || error.code === "server_error" || error.code === "unreachable";
}

/** The delay a 429 or 503 asked for (retry-after-ms or retry-after), in milliseconds. */
export function retryAfterMs(error: ModelSummaryError): number | undefined {
  const cause = error.cause;
  if (!(cause instanceof APIError) || !cause.headers) return undefined;
  const ms = cause.headers.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  return parseRetryAfter(cause.headers.get("retry-after"));
}
