import {
  ErrorCode as SlackErrorCode,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
} from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { type ErrorCode, ThreadportError } from "../../src/errors.js";
import { slackErrorCode, toSlackThreadportError } from "../../src/slack/slack-error.js";

/** The error @slack/web-api throws when Slack answers `{ ok: false, error }`. */
function platformError(error: string, extra: Record<string, unknown> = {}) {
  return new WebAPIPlatformError({ ok: false, error, ...extra });
}

/** A WebClient whose fetch answers every call with the given body, with no retries. */
function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetch = async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", ...headers },
    });
  return new WebClient("xoxb-test", {
    fetch,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    slackApiUrl: "http://127.0.0.1:1/api/",
  });
}

async function thrownBy(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

describe("slackErrorCode", () => {
  it("reads Slack's error string from a WebAPIPlatformError", () => {
    expect(slackErrorCode(platformError("not_in_channel"))).toBe("not_in_channel");
  });

  it("reads it from a plain object of the same shape", () => {
    const shaped = { code: "slack_webapi_platform_error", data: { ok: false, error: "channel_not_found" } };
    expect(slackErrorCode(shaped)).toBe("channel_not_found");
  });

  it.each([
    ["a plain Error", new Error("socket hang up")],
    ["a rate-limit error", new WebAPIRateLimitedError(30)],
    ["undefined", undefined],
    ["null", null],
    ["a string", "boom"],
  ])("returns undefined for %s", (_label, error) => {
    expect(slackErrorCode(error)).toBeUndefined();
  });
});

describe("toSlackThreadportError mapping of Slack platform errors", () => {
  it.each<[string, ErrorCode]>([
    ["not_in_channel", "slack_not_in_channel"],
    ["channel_not_found", "slack_channel_not_found"],
    ["thread_not_found", "slack_thread_not_found"],
    ["message_not_found", "slack_thread_not_found"],
    ["missing_scope", "slack_missing_scope"],
    ["invalid_auth", "slack_invalid_auth"],
    ["not_authed", "slack_invalid_auth"],
    ["account_inactive", "slack_invalid_auth"],
    ["token_revoked", "slack_invalid_auth"],
    ["token_expired", "slack_invalid_auth"],
    ["internal_error", "slack_unavailable"],
    ["fatal_error", "slack_unavailable"],
    ["service_unavailable", "slack_unavailable"],
    ["ratelimited", "slack_unavailable"],
  ])("maps Slack's %s to %s", (slackError, expected) => {
    expect(toSlackThreadportError(platformError(slackError), "conversations.replies").code).toBe(expected);
  });

  it("maps the plain object shape the same way as the class", () => {
    const shaped = { code: "slack_webapi_platform_error", data: { ok: false, error: "not_in_channel" } };
    expect(toSlackThreadportError(shaped, "conversations.replies").code).toBe("slack_not_in_channel");
  });

  it("keeps the method, Slack's error and the original error", () => {
    const original = platformError("not_in_channel");
    const mapped = toSlackThreadportError(original, "conversations.replies");
    expect(mapped).toBeInstanceOf(ThreadportError);
    expect(mapped.details).toEqual({
      method: "conversations.replies",
      slackError: "not_in_channel",
      needed: undefined,
    });
    expect(mapped.cause).toBe(original);
  });

  it("names the missing scope in the details and the message", () => {
    const mapped = toSlackThreadportError(
      platformError("missing_scope", {
        needed: "groups:history",
        provided: "channels:history,reactions:read",
      }),
      "conversations.replies",
    );
    expect(mapped.details.needed).toBe("groups:history");
    expect(mapped.message).toBe("The Slack app lacks the groups:history scope");
  });

  it("does not print 'undefined' when Slack did not name the missing scope", () => {
    const mapped = toSlackThreadportError(platformError("missing_scope"), "conversations.replies");
    expect(mapped.message).not.toContain("undefined");
  });

  it("treats only unavailability as transient", () => {
    expect(toSlackThreadportError(platformError("internal_error"), "x").transient).toBe(true);
    expect(toSlackThreadportError(platformError("not_in_channel"), "x").transient).toBe(false);
    expect(toSlackThreadportError(platformError("invalid_auth"), "x").transient).toBe(false);
  });

  it("says which call failed and how for an unknown Slack error", () => {
    const mapped = toSlackThreadportError(platformError("is_archived"), "chat.postMessage");
    expect(mapped.code).toBe("slack_unavailable");
    expect(mapped.message).toBe("Slack call chat.postMessage failed: is_archived");
  });
});

describe("toSlackThreadportError for errors that are not platform errors", () => {
  it("maps a rate-limit error to slack_unavailable", () => {
    const mapped = toSlackThreadportError(new WebAPIRateLimitedError(30), "users.info");
    expect(mapped.code).toBe("slack_unavailable");
    expect(mapped.message).toContain("rate-limit");
    expect(mapped.details.slackError).toBeUndefined();
  });

  it("maps a network failure to slack_unavailable and keeps its message", () => {
    const mapped = toSlackThreadportError(
      new WebAPIRequestError(new Error("connect ECONNREFUSED 127.0.0.1:443")),
      "conversations.info",
    );
    expect(mapped.code).toBe("slack_unavailable");
    expect(mapped.message).toContain("ECONNREFUSED");
  });

  it("maps an HTTP 503 to slack_unavailable", () => {
    const mapped = toSlackThreadportError(new WebAPIHTTPError(503, "Service Unavailable", {}), "users.info");
    expect(mapped.code).toBe("slack_unavailable");
    expect(mapped.message).toContain("statusCode = 503");
  });

  it("maps something that is not an Error at all", () => {
    const mapped = toSlackThreadportError("socket closed", "users.info");
    expect(mapped.code).toBe("slack_unavailable");
    expect(mapped.message).toBe("Slack call users.info failed: socket closed");
  });

  it("returns a ThreadportError unchanged", () => {
    const existing = new ThreadportError("slack_thread_not_found", "gone");
    expect(toSlackThreadportError(existing, "conversations.replies")).toBe(existing);
  });
});

describe("toSlackThreadportError with errors thrown by a real WebClient", () => {
  it("maps the platform error the client throws for { ok: false, error: 'not_in_channel' }", async () => {
    const client = clientAnswering(200, { ok: false, error: "not_in_channel" });
    const error = await thrownBy(client.conversations.replies({ channel: "C1", ts: "1.000001" }));
    expect((error as { code?: string }).code).toBe(SlackErrorCode.PlatformError);
    expect(toSlackThreadportError(error, "conversations.replies").code).toBe("slack_not_in_channel");
  });

  it("keeps the needed scope that the client passes through from the response", async () => {
    const client = clientAnswering(200, {
      ok: false,
      error: "missing_scope",
      needed: "channels:history",
      provided: "reactions:read",
    });
    const error = await thrownBy(client.conversations.replies({ channel: "C1", ts: "1.000001" }));
    const mapped = toSlackThreadportError(error, "conversations.replies");
    expect(mapped.code).toBe("slack_missing_scope");
    expect(mapped.details.needed).toBe("channels:history");
  });

  it("maps the error the client throws on HTTP 429 to a transient slack_unavailable", async () => {
    const client = clientAnswering(429, { ok: false, error: "ratelimited" }, { "retry-after": "7" });
    const error = await thrownBy(client.users.info({ user: "U1" }));
    expect((error as { code?: string }).code).toBe(SlackErrorCode.RateLimitedError);
    const mapped = toSlackThreadportError(error, "users.info");
    expect(mapped.code).toBe("slack_unavailable");
    expect(mapped.transient).toBe(true);
  });

  it("maps the error the client throws on HTTP 500 to slack_unavailable", async () => {
    const client = clientAnswering(500, { ok: false, error: "internal_error" });
    const error = await thrownBy(client.users.info({ user: "U1" }));
    expect(toSlackThreadportError(error, "users.info").code).toBe("slack_unavailable");
  });
});
