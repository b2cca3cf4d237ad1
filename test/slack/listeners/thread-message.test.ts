import { describe, expect, it } from "vitest";
import { type MessageEventFields, toThreadReply } from "../../../src/slack/listeners/thread-message.js";

const options = { botUserId: "UBOT", botId: "BBOT", inDirectMessages: false };
const reply: MessageEventFields = {
  channel: "C1",
  channel_type: "channel",
  user: "U1",
  ts: "1700000010.000100",
  thread_ts: "1700000000.000100",
  parent_user_id: "U2",
};
/** What every accepted variant of `reply` becomes: the same reply, whatever its subtype or channel type. */
const expected = {
  teamId: "T1",
  channelId: "C1",
  threadTs: "1700000000.000100",
  ts: "1700000010.000100",
  userId: "U1",
  parentUserId: "U2",
};

describe("which message events count as thread replies", () => {
  it("takes a plain reply, with the parent's author", () => {
    expect(toThreadReply(reply, "T1", options)).toEqual(expected);
  });

  it("takes a reply also sent to the channel, and a shared file", () => {
    expect(toThreadReply({ ...reply, subtype: "thread_broadcast" }, "T1", options)).toEqual(expected);
    expect(toThreadReply({ ...reply, subtype: "file_share" }, "T1", options)).toEqual(expected);
  });

  it("skips top-level messages, edits, deletions, joins and bots", () => {
    expect(toThreadReply({ ...reply, thread_ts: undefined }, "T1", options)).toBeUndefined();
    expect(toThreadReply({ ...reply, thread_ts: reply.ts }, "T1", options)).toBeUndefined();
    for (const subtype of [
      "message_changed",
      "message_deleted",
      "channel_join",
      "group_join",
      "bot_message",
    ]) {
      expect(toThreadReply({ ...reply, subtype }, "T1", options)).toBeUndefined();
    }
    expect(toThreadReply({ ...reply, bot_id: "B_OTHER" }, "T1", options)).toBeUndefined();
    expect(toThreadReply({ ...reply, user: "UBOT" }, "T1", options)).toBeUndefined();
    expect(toThreadReply({ ...reply, user: undefined }, "T1", options)).toBeUndefined();
  });

  it("skips direct messages and group DMs unless enabled", () => {
    for (const type of ["im", "mpim"]) {
      expect(toThreadReply({ ...reply, channel_type: type }, "T1", options)).toBeUndefined();
      expect(
        toThreadReply({ ...reply, channel_type: type }, "T1", { ...options, inDirectMessages: true }),
      ).toEqual(expected);
    }
    expect(toThreadReply({ ...reply, channel_type: "group" }, "T1", options)).toEqual(expected);
  });
});
