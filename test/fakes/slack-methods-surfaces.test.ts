import { WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SLACK_SCOPES, type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { newTriggerId } from "./slack-methods-views.js";
import { newResponseUrl } from "./slack-response-urls.js";

const NOW = new Date("2025-01-15T12:00:00Z");
const modal = { type: "modal", title: { type: "plain_text", text: "Hello" }, blocks: [], callback_id: "cb" };
let slack: FakeSlack;
let client: WebClient;

async function errorOf(call: Promise<unknown>): Promise<{ error?: string; messages?: string[] }> {
  try {
    await call;
  } catch (error) {
    const data = (error as { data?: { error?: string; response_metadata?: { messages?: string[] } } }).data;
    return { error: data?.error, messages: data?.response_metadata?.messages };
  }
  throw new Error("expected the call to fail");
}

beforeEach(async () => {
  slack = await startFakeSlack({ now: () => NOW });
  slack.addUser({ id: "U_ALICE", name: "alice" });
  slack.addUser({ id: "U_BOB", name: "bob" });
  slack.addChannel({ id: "C_MAIN", name: "main", kind: "public" });
  slack.addChannel({ id: "C_AWAY", name: "away", kind: "public", botIsMember: false });
  slack.addChannel({ id: "G_PRIV", name: "priv", kind: "private", botIsMember: false });
  client = new WebClient("xoxb-test-token", { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
});

afterEach(async () => {
  await slack.close();
});

describe("fake Slack views.update", () => {
  it("replaces an open modal's content and gives it a new hash", async () => {
    const opened = await client.views.open({ trigger_id: newTriggerId(NOW), view: modal as never });
    const updated = await client.views.update({
      view_id: opened.view!.id!,
      hash: opened.view!.hash!,
      view: { ...modal, title: { type: "plain_text", text: "Changed" } } as never,
    });
    expect(updated.view).toMatchObject({ id: opened.view!.id, title: { text: "Changed" } });
    expect(updated.view!.hash).not.toBe(opened.view!.hash);
    expect(slack.openViews()[0]).toMatchObject({ title: { text: "Changed" } });
  });

  it("refuses an unknown view, a stale hash, and a view beyond Slack's limits", async () => {
    const opened = await client.views.open({ trigger_id: newTriggerId(NOW), view: modal as never });
    expect((await errorOf(client.views.update({ view_id: "VNOPE", view: modal as never }))).error).toBe(
      "not_found",
    );
    await client.views.update({ view_id: opened.view!.id!, view: modal as never });
    const stale = client.views.update({
      view_id: opened.view!.id!,
      hash: opened.view!.hash!,
      view: modal as never,
    });
    expect((await errorOf(stale)).error).toBe("hash_conflict");
    const tooLong = { ...modal, title: { type: "plain_text", text: "x".repeat(25) } };
    expect(await errorOf(client.views.update({ view_id: opened.view!.id!, view: tooLong as never }))).toEqual(
      {
        error: "invalid_arguments",
        messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
      },
    );
  });
});

describe("fake Slack views.publish", () => {
  it("publishes a Home tab per user and refuses an unknown user or a modal", async () => {
    const home = { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "hi" } }] };
    const first = await client.views.publish({ user_id: "U_ALICE", view: home as never });
    expect(first.view).toMatchObject({ type: "home", id: expect.stringMatching(/^VH/) });
    const again = await client.views.publish({ user_id: "U_ALICE", view: home as never });
    expect(again.view!.id).toBe(first.view!.id);
    expect((await errorOf(client.views.publish({ user_id: "U_NOBODY", view: home as never }))).error).toBe(
      "invalid_arguments",
    );
    expect((await errorOf(client.views.publish({ user_id: "U_ALICE", view: modal as never }))).error).toBe(
      "invalid_arguments",
    );
  });
});

describe("fake Slack chat.unfurl", () => {
  it("unfurls a URL that is in the message, and refuses one that is not", async () => {
    const ts = slack.post("C_MAIN", {
      user: "U_ALICE",
      text: "see <https://gitlab.example.com/a/b/-/issues/1>",
    });
    const unfurls = { "https://gitlab.example.com/a/b/-/issues/1": { blocks: [] } };
    expect((await client.chat.unfurl({ channel: "C_MAIN", ts, unfurls })).ok).toBe(true);
    const other = { "https://gitlab.example.com/a/b/-/issues/2": { blocks: [] } };
    expect((await errorOf(client.chat.unfurl({ channel: "C_MAIN", ts, unfurls: other }))).error).toBe(
      "cannot_unfurl_message",
    );
    expect((await errorOf(client.chat.unfurl({ channel: "C_MAIN", ts: "1.000000", unfurls }))).error).toBe(
      "cannot_find_message",
    );
  });

  it("needs links:write", async () => {
    slack.setScopes(DEFAULT_SLACK_SCOPES.filter((s) => s !== "links:write"));
    const ts = slack.post("C_MAIN", { user: "U_ALICE", text: "x" });
    expect((await errorOf(client.chat.unfurl({ channel: "C_MAIN", ts, unfurls: {} }))).error).toBe(
      "missing_scope",
    );
  });
});

describe("fake Slack conversations.history and conversations.members", () => {
  it("pages a channel's top-level messages, newest first, without thread replies", async () => {
    const parents = Array.from({ length: 20 }, (_, i) =>
      slack.post("C_MAIN", { user: "U_ALICE", text: `m${i}` }),
    );
    slack.post("C_MAIN", { user: "U_BOB", text: "a reply", thread_ts: parents[3] });
    const first = await client.conversations.history({ channel: "C_MAIN", limit: 100 });
    expect(first.messages).toHaveLength(15);
    expect(first.messages![0]!.text).toBe("m19");
    const second = await client.conversations.history({
      channel: "C_MAIN",
      cursor: first.response_metadata!.next_cursor!,
    });
    expect(second.messages!.map((m) => m.text)).toEqual(["m4", "m3", "m2", "m1", "m0"]);
    expect(second.has_more).toBe(false);
  });

  it("refuses to read a channel the bot is not in", async () => {
    expect((await errorOf(client.conversations.history({ channel: "C_AWAY" }))).error).toBe("not_in_channel");
    expect((await errorOf(client.conversations.history({ channel: "G_PRIV" }))).error).toBe(
      "channel_not_found",
    );
  });

  it("lists as members the bot and everyone who posted, and hides private channels the bot is not in", async () => {
    slack.post("C_MAIN", { user: "U_ALICE", text: "hi" });
    expect((await client.conversations.members({ channel: "C_MAIN" })).members).toEqual(["UBOT", "U_ALICE"]);
    expect((await errorOf(client.conversations.members({ channel: "G_PRIV" }))).error).toBe(
      "channel_not_found",
    );
  });
});

describe("fake Slack response URLs", () => {
  it("records each answer and refuses a sixth use without recording it", async () => {
    const url = newResponseUrl(slack.url, "commands");
    for (let i = 0; i < 5; i++) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response_type: "ephemeral", text: `answer ${i}` }),
      });
      expect(response.status).toBe(200);
    }
    const sixth = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(sixth.status).toBe(404);
    expect(slack.callsTo("response_url").map((c) => c.params.text)).toEqual([
      "answer 0",
      "answer 1",
      "answer 2",
      "answer 3",
      "answer 4",
    ]);
  });
});
