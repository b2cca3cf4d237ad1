import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type SlackApiMessage,
  toConversation,
  toPerson,
  toThreadMessage,
} from "../../src/slack/slack-shapes.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "slack");

/** Loads a Web API response saved in test/fixtures/slack (shapes as Slack returns them). */
function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as T;
}

interface ChannelResponse {
  channel: { id: string } & Parameters<typeof toConversation>[1];
}
interface UserResponse {
  user: { id: string } & Parameters<typeof toPerson>[1];
}

function conversationFrom(file: string) {
  const { channel } = fixture<ChannelResponse>(file);
  return toConversation(channel.id, channel);
}

function personFrom(file: string) {
  const { user } = fixture<UserResponse>(file);
  return toPerson(user.id, user);
}

const thread = fixture<{ messages: SlackApiMessage[] }>("conversations-replies-thread.json").messages;

function threadMessage(ts: string) {
  const message = thread.find((m) => m.ts === ts);
  if (!message) throw new Error(`fixture has no message ${ts}`);
  return toThreadMessage(message);
}

describe("toConversation with conversations.info responses", () => {
  it("maps a public channel to its name", () => {
    expect(conversationFrom("conversations-info-public.json")).toEqual({
      id: "C05PUBL1C00",
      name: "support-escalations",
      kind: "public_channel",
    });
  });

  it("maps a private channel (is_channel and is_private) to a private channel", () => {
    expect(conversationFrom("conversations-info-private.json")).toEqual({
      id: "C06PR1VATE0",
      name: "incident-2024-06-payments",
      kind: "private_channel",
    });
  });

  it("maps a private channel from before 2021 (is_group, G id) to a private channel", () => {
    expect(conversationFrom("conversations-info-private-legacy.json")).toEqual({
      id: "G01LEGACY00",
      name: "leadership",
      kind: "private_channel",
    });
  });

  it("maps a direct message, which has no name, to a description", () => {
    expect(conversationFrom("conversations-info-im.json")).toEqual({
      id: "D06DIRECT00",
      name: "direct message",
      kind: "im",
    });
  });

  it("maps a group DM to a description rather than its mpdm-… name", () => {
    expect(conversationFrom("conversations-info-mpim.json")).toEqual({
      id: "C07GROUPDM0",
      name: "group direct message",
      kind: "mpim",
    });
  });

  it("treats a group DM as a group DM even when Slack also marks it is_channel", () => {
    expect(toConversation("C0X", { is_channel: true, is_mpim: true, is_private: true }).kind).toBe("mpim");
  });

  it("falls back to the channel id when a channel has no name", () => {
    expect(toConversation("C0NONAME", { is_channel: true, is_private: false })).toEqual({
      id: "C0NONAME",
      name: "C0NONAME",
      kind: "public_channel",
    });
  });

  it("treats a channel with no flags at all as public", () => {
    expect(toConversation("C0BARE", {}).kind).toBe("public_channel");
  });
});

describe("toPerson with users.info responses", () => {
  it("uses the display name, the real name and the time zone of a person", () => {
    expect(personFrom("users-info-person.json")).toEqual({
      id: "U05ALICE001",
      name: "alice",
      realName: "Alice Schmidt",
      timeZone: "Europe/Berlin",
      isBot: false,
    });
  });

  it("falls back to the profile's real name when the display name is empty", () => {
    expect(personFrom("users-info-no-display-name.json")).toEqual({
      id: "U05CHANDRA3",
      name: "Chandra Rao",
      realName: "Chandra Rao",
      timeZone: "Asia/Kolkata",
      isBot: false,
    });
  });

  it("marks a bot user as a bot and names it by its real name", () => {
    const person = personFrom("users-info-bot.json");
    expect(person.isBot).toBe(true);
    expect(person.name).toBe("Deploy Bot");
  });

  it("has no time zone for a deactivated user, whose object carries no tz", () => {
    expect(personFrom("users-info-deactivated.json")).toEqual({
      id: "U04FORMER00",
      name: "dmitri",
      realName: "Dmitri Volkov",
      timeZone: undefined,
      isBot: false,
    });
  });

  it("falls back to the top-level real name, then the handle, then the id", () => {
    expect(toPerson("U1", { real_name: "Top Level", profile: { display_name: "" } }).name).toBe("Top Level");
    expect(toPerson("U1", { name: "handle", profile: {} }).name).toBe("handle");
    expect(toPerson("U1", {}).name).toBe("U1");
  });

  it("treats an empty tz as no time zone", () => {
    expect(toPerson("U1", { tz: "" }).timeZone).toBeUndefined();
  });

  it("takes the real name from the profile when the top-level one is missing", () => {
    expect(toPerson("U1", { profile: { real_name: "From Profile" } }).realName).toBe("From Profile");
  });
});

describe("toThreadMessage with a conversations.replies response", () => {
  it("maps the thread's parent written by a person", () => {
    expect(threadMessage("1718022317.337809")).toEqual({
      ts: "1718022317.337809",
      userId: "U05ALICE001",
      botName: undefined,
      isBot: false,
      text: "Checkout fails for customers in the EU since 09:00 &gt; anyone on it? <@U05BOB00002>",
      files: [],
      editedTs: undefined,
    });
  });

  it("keeps the text as raw mrkdwn with Slack's escapes", () => {
    expect(threadMessage("1718022317.337809").text).toContain("&gt;");
  });

  it("records when an edited message was edited", () => {
    const message = threadMessage("1718022480.551209");
    expect(message.editedTs).toBe("1718022511.000000");
    expect(message.isBot).toBe(false);
  });

  it("names a message from an app by its bot_profile and keeps the bot user's id", () => {
    expect(threadMessage("1718022602.771309")).toMatchObject({
      userId: "U07DEPLOYBT",
      botName: "Deploy Bot",
      isBot: true,
      text: "Rolled back payments-api to v2.31.4",
    });
  });

  it("names a legacy bot_message (incoming webhook) by its username", () => {
    expect(threadMessage("1718023011.400600")).toMatchObject({
      userId: undefined,
      botName: "GitLab CI",
      isBot: true,
    });
  });

  it("lists shared files by name with their Slack permalink", () => {
    expect(threadMessage("1718022705.882109").files).toEqual([
      {
        name: "provider-errors.log",
        url: "https://acme.slack.example/files/U05CHANDRA3/F07LOGFILE1/provider-errors.log",
      },
      {
        name: "Screenshot 2024-06-10 at 14.11.41.png",
        url: "https://acme.slack.example/files/U05CHANDRA3/F07SCREEN01/screenshot_2024-06-10_at_14.11.41.png",
      },
    ]);
  });

  it("keeps a deleted (tombstoned) file as a nameless entry without a link", () => {
    expect(threadMessage("1718023990.114400").files).toEqual([{ name: "file", url: "" }]);
  });

  it("maps every message of the thread and keeps their order", () => {
    expect(thread.map(toThreadMessage).map((m) => m.ts)).toEqual([
      "1718022317.337809",
      "1718022480.551209",
      "1718022602.771309",
      "1718022705.882109",
      "1718023011.400600",
      "1718023990.114400",
    ]);
  });
});

describe("toThreadMessage edge cases", () => {
  it("treats a file_share event with bot_id null as a person's message", () => {
    const event = { type: "message", ts: "1.000001", user: "U1", text: "", bot_id: null };
    expect(toThreadMessage(event as unknown as SlackApiMessage).isBot).toBe(false);
  });

  it("calls a bot with neither bot_profile nor username just 'bot'", () => {
    expect(toThreadMessage({ ts: "1.000001", bot_id: "B1" }).botName).toBe("bot");
  });

  it("prefers bot_profile.name over username", () => {
    const message = { ts: "1.000001", bot_id: "B1", username: "override", bot_profile: { name: "App" } };
    expect(toThreadMessage(message).botName).toBe("App");
  });

  it("gives an empty text to a message without text", () => {
    expect(toThreadMessage({ ts: "1.000001", user: "U1" }).text).toBe("");
  });

  it("uses a file's title when it has no name and url_private when it has no permalink", () => {
    const message = {
      ts: "1.000001",
      user: "U1",
      files: [{ title: "Notes", url_private: "https://files/x" }],
    };
    expect(toThreadMessage(message).files).toEqual([{ name: "Notes", url: "https://files/x" }]);
  });
});
