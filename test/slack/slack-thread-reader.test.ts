import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackThreadReader } from "../../src/slack/slack-thread-reader.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { type FakeSlack, startFakeSlack } from "../fakes/fake-slack.js";
import { CHANNELS, seedPeopleAndChannels } from "../helpers/conversations.js";

describe("SlackThreadReader", () => {
  let slack: FakeSlack;
  let store: Store;
  let reader: SlackThreadReader;
  beforeAll(async () => {
    slack = await startFakeSlack({ pageSizeMax: 3 });
    seedPeopleAndChannels(slack);
    store = await openSqliteStore(":memory:");
    const client = new WebClient("xoxb-test-token", { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    reader = new SlackThreadReader({ client, store, botUserId: "UBOT", botId: "BBOT", pageSize: 3 });
  });
  afterAll(async () => {
    await slack.close();
    await store.close();
  });

  it("reads every page once, in order, from any message of the thread", async () => {
    const parent = slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "m0" });
    const replies = Array.from({ length: 7 }, (_, i) =>
      slack.post(CHANNELS.public.id, { user: "U_BOB", text: `m${i + 1}`, thread_ts: parent }),
    );
    const thread = await reader.readThread({
      teamId: "T0001",
      channelId: CHANNELS.public.id,
      messageTs: replies[3]!,
    });
    expect(thread.threadTs).toBe(parent);
    expect(thread.messages.map((m) => m.text)).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"]);
    expect(thread.permalink).toContain(`/archives/${CHANNELS.public.id}/p`);
    expect(thread.conversation).toEqual({
      id: CHANNELS.public.id,
      name: "design-review",
      kind: "public_channel",
    });
  });

  it("leaves out threadport's own replies and join messages, and marks other bots", async () => {
    const parent = slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "start" });
    slack.post(CHANNELS.public.id, {
      subtype: "channel_join",
      user: "U_BOB",
      text: "<@U_BOB> has joined",
      thread_ts: parent,
    });
    slack.post(CHANNELS.public.id, { bot_id: "BBOT", text: "Moved to acme/web#1", thread_ts: parent });
    slack.post(CHANNELS.public.id, {
      bot_id: "BOTHER",
      username: "deploybot",
      subtype: "bot_message",
      text: "deployed",
      thread_ts: parent,
    });
    const thread = await reader.readThread({
      teamId: "T0001",
      channelId: CHANNELS.public.id,
      messageTs: parent,
    });
    expect(thread.messages.map((m) => [m.text, m.isBot, m.botName])).toEqual([
      ["start", false, undefined],
      ["deployed", true, "deploybot"],
    ]);
    // What threadport already said there is kept apart: a retried export must not say it twice.
    expect(thread.ownReplies?.map((r) => r.text)).toEqual(["Moved to acme/web#1"]);
  });

  it("leaves out a request to threadport to file the thread, but keeps other mentions of it", async () => {
    const parent = slack.post(CHANNELS.public.id, {
      user: "U_ALICE",
      text: "Login fails after the SSO change",
    });
    slack.post(CHANNELS.public.id, {
      user: "U_BOB",
      text: "<@UBOT> file this as Login bug",
      thread_ts: parent,
    });
    slack.post(CHANNELS.public.id, {
      user: "U_BOB",
      text: "<@UBOT> can you also watch the #web channel?",
      thread_ts: parent,
    });
    const thread = await reader.readThread({
      teamId: "T0001",
      channelId: CHANNELS.public.id,
      messageTs: parent,
    });
    expect(thread.messages.map((m) => m.text)).toEqual([
      "Login fails after the SSO change",
      "<@UBOT> can you also watch the #web channel?",
    ]);
  });

  it("resolves authors and mentioned people with their time zones, then serves them from the store", async () => {
    const parent = slack.post(CHANNELS.public.id, { user: "U_ALICE", text: "ping <@U_PRIYA>" });
    slack.post(CHANNELS.public.id, { user: "U_NOTZ", text: "hi", thread_ts: parent });
    slack.clearCalls();
    const thread = await reader.readThread({
      teamId: "T0001",
      channelId: CHANNELS.public.id,
      messageTs: parent,
    });
    expect(thread.people.get("U_PRIYA")).toMatchObject({ name: "Priya", timeZone: "Asia/Kolkata" });
    expect(thread.people.get("U_NOTZ")).toMatchObject({ name: "Sam Doe", timeZone: undefined });
    const firstLookups = slack.callsTo("users.info").length;
    slack.clearCalls();
    await reader.readThread({ teamId: "T0001", channelId: CHANNELS.public.id, messageTs: parent });
    expect(slack.callsTo("users.info")).toHaveLength(0);
    expect(firstLookups).toBeLessThanOrEqual(3);
  });

  it("sees a private channel as private", async () => {
    const parent = slack.post(CHANNELS.private.id, { user: "U_BOB", text: "psst" });
    const thread = await reader.readThread({
      teamId: "T0001",
      channelId: CHANNELS.private.id,
      messageTs: parent,
    });
    expect(thread.conversation.kind).toBe("private_channel");
  });

  it("fails with a coded error when the bot is not in the channel", async () => {
    const parent = slack.post(CHANNELS.outside.id, { user: "U_BOB", text: "hello?" });
    await expect(
      reader.readThread({ teamId: "T0001", channelId: CHANNELS.outside.id, messageTs: parent }),
    ).rejects.toMatchObject({ code: "slack_not_in_channel" });
  });
});
