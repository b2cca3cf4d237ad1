/**
 * A gitbeaker requester that makes exactly one HTTP attempt. gitbeaker's own requester retries 429 and 502
 * ten times within a fraction of a second and ignores Retry-After; threadport retries itself
 * (see gitlab-tracker.ts) so that it can honour Retry-After and give up with a clear error.
 */
import {
  createRequesterFn,
  GitbeakerRequestError,
  GitbeakerTimeoutError,
  type RequestOptions,
} from "@gitbeaker/requester-utils";

type HandlerOptions = RequestOptions & { prefixUrl?: string; searchParams?: string; method?: string };

/** Makes the handler over a given fetch, so that a metered fetch can record every call (src/ops/metrics.ts). */
const singleAttemptWith =
  (doFetch: typeof fetch) => async (endpoint: string, options?: Record<string, unknown>) => {
    const {
      rateLimiters: _rateLimiters,
      asStream,
      prefixUrl,
      searchParams,
      method,
      ...init
    } = (options ?? {}) as HandlerOptions & { rateLimiters?: unknown };
    const base = prefixUrl?.endsWith("/") ? prefixUrl : `${prefixUrl ?? ""}/`;
    const url = new URL(endpoint, base);
    url.search = searchParams ?? "";
    const request = new Request(url, { ...(init as RequestInit), method });
    const response = await doFetch(request).catch((error: Error) => {
      if (error.name === "TimeoutError" || error.name === "AbortError") {
        throw new GitbeakerTimeoutError("Query timeout was reached");
      }
      throw error;
    });
    if (!response.ok) {
      const description = await describeFailure(response);
      throw new GitbeakerRequestError(description, { cause: { description, request, response } });
    }
    const headers = Object.fromEntries(response.headers.entries());
    if (asStream) return { body: response.body, headers, status: response.status };
    const body = response.status === 204 ? null : await readBody(response);
    return { body, headers, status: response.status };
  };

async function readBody(response: Response): Promise<unknown> {
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  if (contentType === "application/json") return (await response.json()) ?? {};
  if (contentType.startsWith("text/")) return response.text();
  return response.blob();
}

async function describeFailure(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
    const detail = parsed.error ?? parsed.message ?? "";
    return typeof detail === "string" ? detail : JSON.stringify(detail);
  } catch {
    return text.trim();
  }
}

export function createSingleAttemptRequester(doFetch: typeof fetch = fetch) {
  return createRequesterFn(
    (_serviceOptions, requestOptions) => Promise.resolve(requestOptions),
    // biome-ignore lint/suspicious/noExplicitAny: gitbeaker's handler type is generic over response bodies
    singleAttemptWith(doFetch) as any,
  );
}

export const singleAttemptRequester = createSingleAttemptRequester();
