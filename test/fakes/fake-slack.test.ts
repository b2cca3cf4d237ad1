import { ErrorCode, WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";

const TOKEN = "xoxb-test-token";
let slack: FakeSlack;

/** null builds a client without any token. */
function client(token: string | null = TOKEN, extra: Record<string, unknown> = {}): WebClient {
  return new WebClient(token ?? undefined, { slackApiUrl: slack.url, retryConfig: { retries: 0 }, ...extra });
}

/** Runs a call that must fail and returns the error. */
async function failure(call: Promise<unknown>): Promise<{ code?: string; data?: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    return error as { code?: string; data?: Record<string, unknown> };
  }
  throw new Error("expected the call to fail");
}

function seedThread(replies: number): string {
  const parent = slack.post("C1", { user: "U1", text: "parent" });
  for (let i = 1; i <= replies; i += 1)
    slack.post("C1", { user: i % 2 ? "U2" : "U1", text: `r${i}`, thread_ts: parent });
  return parent;
}

beforeEach(async () => {
  slack = await startFakeSlack({ now: () => new Date("2025-01-15T12:00:00Z") });
  slack.addUser({
    id: "U1",
    name: "alice",
    real_name: "Alice Doe",
    display_name: "ali",
    tz: "Europe/Berlin",
  });
  slack.addUser({ id: "U2", name: "bob", real_name: "Bob Roe", tz: "America/New_York" });
  slack.addChannel({ id: "C1", name: "dev", kind: "public" });
  slack.addChannel({ id: "C2", name: "ops", kind: "public", botIsMember: false });
  slack.addChannel({ id: "G1", name: "secret", kind: "private", botIsMember: false });
});

afterEach(async () => {
  await slack.close();
});

describe("fake Slack Web API", () => {
  it("answers auth.test with the bot identity and reports granted scopes", async () => {
    const result = await client().auth.test();
    expect(result).toMatchObject({ ok: true, team_id: "T0001", user_id: "UBOT", bot_id: "BBOT" });
    expect(result.url).toBe("https://acme.slack.com/");
    expect(result.response_metadata?.scopes).toContain("channels:history");
  });

  it("pages conversations.replies across three pages with cursors, parent first", async () => {
    const parent = seedThread(39);
    const pages = [];
    for await (const page of client().paginate("conversations.replies", {
      channel: "C1",
      ts: parent,
      limit: 15,
    })) {
      pages.push(page as unknown as { messages: { ts: string; text: string }[]; has_more: boolean });
    }
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.has_more)).toEqual([true, true, false]);
    const seen = new Map(pages.flatMap((p) => p.messages.map((m) => [m.ts, m.text] as const)));
    expect([...seen.values()]).toEqual(["parent", ...Array.from({ length: 39 }, (_, i) => `r${i + 1}`)]);
    const cursors = slack.callsTo("conversations.replies").map((c) => c.params.cursor);
    expect(cursors[0]).toBeUndefined();
    expect(typeof cursors[1]).toBe("string");
  });

  it("gives plain slices when the parent is not repeated", async () => {
    await slack.close();
    slack = await startFakeSlack({ repeatParentOnEachPage: false, pageSizeMax: 15 });
    slack.addUser({ id: "U1", name: "alice" });
    slack.addUser({ id: "U2", name: "bob" });
    slack.addChannel({ id: "C1", name: "dev", kind: "public" });
    const parent = seedThread(39);
    const sizes = [];
    for await (const page of client().paginate("conversations.replies", {
      channel: "C1",
      ts: parent,
      limit: 200,
    })) {
      sizes.push((page as unknown as { messages: unknown[] }).messages.length);
    }
    expect(sizes).toEqual([15, 15, 10]);
  });

  it("returns the whole thread for a reply's ts and marks the parent like Slack", async () => {
    const parent = seedThread(2);
    const reply = slack.threadReplies("C1", parent)[2]!;
    const result = await client().conversations.replies({ channel: "C1", ts: reply.ts });
    const [first, second] = result.messages ?? [];
    expect(first).toMatchObject({ ts: parent, thread_ts: parent, reply_count: 2, latest_reply: reply.ts });
    expect(first?.reply_users).toEqual(["U2", "U1"]);
    expect(second).toMatchObject({ thread_ts: parent, parent_user_id: "U1", user: "U2" });
    expect(result.response_metadata?.next_cursor).toBe("");
  });

  it("rejects a wrong token with invalid_auth and a missing one with not_authed", async () => {
    expect((await failure(client("xoxb-wrong").auth.test())).data?.error).toBe("invalid_auth");
    expect((await failure(client(null).auth.test())).data?.error).toBe("not_authed");
  });

  it("reports missing_scope with needed and provided", async () => {
    slack.setScopes(["chat:write"]);
    const error = await failure(client().users.info({ user: "U1" }));
    expect(error.code).toBe(ErrorCode.PlatformError);
    expect(error.data).toMatchObject({
      error: "missing_scope",
      needed: "users:read",
      provided: "chat:write",
    });
  });

  it("says not_in_channel for public channels and channel_not_found for private ones", async () => {
    slack.post("C2", { user: "U1", text: "hi", ts: "1732550000.000100" });
    const publicError = await failure(
      client().conversations.replies({ channel: "C2", ts: "1732550000.000100" }),
    );
    expect(publicError.data?.error).toBe("not_in_channel");
    const privateError = await failure(client().conversations.replies({ channel: "G1", ts: "1.000100" }));
    expect(privateError.data?.error).toBe("channel_not_found");
    slack.setBotMember("C2", true);
    const joined = await client().conversations.replies({ channel: "C2", ts: "1732550000.000100" });
    expect(joined.messages?.map((m) => [m.ts, m.user, m.text])).toEqual([["1732550000.000100", "U1", "hi"]]);
  });

  it("answers 429 with Retry-After, which the client surfaces and honours", async () => {
    slack.failNext("users.info", { status: 429, retryAfter: 1 });
    const error = await failure(client(TOKEN, { rejectRateLimitedCalls: true }).users.info({ user: "U1" }));
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });

    slack.failNext("users.info", { status: 429, retryAfter: 1 });
    const started = Date.now();
    const retrying = new WebClient(TOKEN, {
      slackApiUrl: slack.url,
      retryConfig: { retries: 1, minTimeout: 0 },
    });
    await expect(retrying.users.info({ user: "U1" })).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(slack.callsTo("users.info")).toHaveLength(3);
  });

  it("rate limits a method by its configured calls per minute", async () => {
    await slack.close();
    slack = await startFakeSlack({ rateLimits: { "auth.test": 1 } });
    await client().auth.test();
    const error = await failure(client(TOKEN, { rejectRateLimitedCalls: true }).auth.test());
    expect(error.code).toBe(ErrorCode.RateLimitedError);
    expect((error as { retryAfter?: number }).retryAfter).toBeGreaterThan(50);
  });

  it("injects API errors and HTTP 500s", async () => {
    slack.failNext("auth.test", { error: "fatal_error" });
    expect((await failure(client().auth.test())).data?.error).toBe("fatal_error");
    slack.failNext("auth.test", { status: 500 });
    expect((await failure(client().auth.test())).code).toBe(ErrorCode.HTTPError);
    await expect(client().auth.test()).resolves.toMatchObject({ ok: true });
  });

  it("rejects bad cursors and unknown threads", async () => {
    const parent = seedThread(1);
    const badCursor = failure(
      client().conversations.replies({ channel: "C1", ts: parent, cursor: "bm9wZQ==" }),
    );
    expect((await badCursor).data?.error).toBe("invalid_cursor");
    const unknown = failure(client().conversations.replies({ channel: "C1", ts: "1.000001" }));
    expect((await unknown).data?.error).toBe("thread_not_found");
  });

  it("returns real user objects with time zone label and offset", async () => {
    const { user } = await client().users.info({ user: "U1" });
    expect(user).toMatchObject({
      id: "U1",
      name: "alice",
      real_name: "Alice Doe",
      tz: "Europe/Berlin",
      tz_label: "Central European Standard Time",
      tz_offset: 3600,
      is_bot: false,
      deleted: false,
      profile: { display_name: "ali", real_name: "Alice Doe" },
    });
    const missing = await failure(client().users.info({ user: "U404" }));
    expect(missing.data?.error).toBe("user_not_found");
  });

  it("describes conversations, including public ones the bot is not in", async () => {
    const { channel } = await client().conversations.info({ channel: "C2" });
    expect(channel).toMatchObject({
      id: "C2",
      name: "ops",
      is_channel: true,
      is_private: false,
      is_member: false,
    });
    expect((await failure(client().conversations.info({ channel: "G1" }))).data?.error).toBe(
      "channel_not_found",
    );
  });

  it("stores chat.postMessage replies as bot messages in the thread", async () => {
    const parent = seedThread(1);
    const result = await client().chat.postMessage({ channel: "C1", thread_ts: parent, text: "Exported" });
    expect(result.message).toMatchObject({
      bot_id: "BBOT",
      user: "UBOT",
      text: "Exported",
      thread_ts: parent,
    });
    expect(slack.threadReplies("C1", parent)[0]?.reply_count).toBe(2);
    expect(slack.postedMessages()).toMatchObject([{ channel: "C1", ts: result.ts, text: "Exported" }]);
    const outside = await failure(client().chat.postMessage({ channel: "C2", text: "x" }));
    expect(outside.data?.error).toBe("not_in_channel");
  });

  it("builds permalinks for parents and replies", async () => {
    const parent = seedThread(1);
    const reply = slack.threadReplies("C1", parent)[1]!.ts;
    const top = await client().chat.getPermalink({ channel: "C1", message_ts: parent });
    expect(top.permalink).toBe(`https://acme.slack.com/archives/C1/p${parent.replace(".", "")}`);
    const nested = await client().chat.getPermalink({ channel: "C1", message_ts: reply });
    expect(nested.permalink).toBe(
      `https://acme.slack.com/archives/C1/p${reply.replace(".", "")}?thread_ts=${parent}&cid=C1`,
    );
  });

  it("records reactions and refuses duplicates and unknown messages", async () => {
    const parent = seedThread(0);
    await client().reactions.add({ channel: "C1", timestamp: parent, name: "white_check_mark" });
    const again = await failure(
      client().reactions.add({ channel: "C1", timestamp: parent, name: "white_check_mark" }),
    );
    expect(again.data?.error).toBe("already_reacted");
    const gone = await failure(
      client().reactions.add({ channel: "C1", timestamp: "1.000009", name: "eyes" }),
    );
    expect(gone.data?.error).toBe("message_not_found");
    expect(slack.reactions()).toEqual([
      { channel: "C1", ts: parent, name: "white_check_mark", user: "UBOT" },
    ]);
  });

  it("records ephemeral messages and returns their message_ts", async () => {
    const result = await client().chat.postEphemeral({ channel: "C1", user: "U1", text: "Only you" });
    expect(result.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(slack.ephemerals()).toEqual([
      { channel: "C1", user: "U1", text: "Only you", message_ts: result.message_ts },
    ]);
  });

  it("accepts JSON bodies and query strings, and refuses unknown methods", async () => {
    const json = await fetch(`${slack.url}users.info`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ user: "U2" }),
    });
    expect(json.headers.get("x-oauth-scopes")).toContain("users:read");
    expect(await json.json()).toMatchObject({ ok: true, user: { id: "U2", tz: "America/New_York" } });
    const query = await fetch(`${slack.url}users.info?token=${TOKEN}&user=U1`);
    expect(await query.json()).toMatchObject({ ok: true, user: { id: "U1" } });
    const unknown = await fetch(`${slack.url}files.nope?token=${TOKEN}`);
    expect(await unknown.json()).toEqual({ ok: false, error: "unknown_method", req_method: "files.nope" });
  });

  it("seeds edited messages, files and bot messages in Slack's shapes", () => {
    const ts = slack.post("C1", {
      user: "U1",
      text: "see file",
      edited: true,
      files: [{ name: "log.txt", permalink: "https://acme.slack.com/files/U1/F1/log.txt" }],
    });
    slack.post("C1", { subtype: "bot_message", bot_id: "B9", username: "CI", text: "build ok" });
    const [edited, bot] = slack.messagesIn("C1");
    expect(edited).toMatchObject({ ts, edited: { user: "U1" }, files: [{ name: "log.txt" }] });
    expect(Number(edited?.edited?.ts)).toBeGreaterThan(Number(ts));
    expect(bot).toMatchObject({ subtype: "bot_message", bot_id: "B9", username: "CI" });
    expect(slack.calls).toEqual([]);
  });
});
