import { describe, expect, it } from "vitest";
import { parseAsyncCommand } from "../../../src/slack/commands/parse-async-command.js";
import { parseMessageLink } from "../../../src/slack/parse-message-link.js";

describe("parseAsyncCommand", () => {
  it.each([
    ["", { kind: "help" }],
    ["help", { kind: "help" }],
    ["HELP me", { kind: "help" }],
    ["issue", { kind: "issue", text: "" }],
    ["issue Fix the  login\nmore", { kind: "issue", text: "Fix the  login\nmore" }],
    ["link acme/web", { kind: "link", project: "acme/web" }],
    ["unlink", { kind: "unlink" }],
    ["status", { kind: "status" }],
    [
      "export <https://acme.slack.com/archives/C1/p1700000000000100>",
      {
        kind: "export",
        link: "<https://acme.slack.com/archives/C1/p1700000000000100>",
      },
    ],
    ["nudges on", { kind: "nudges", enabled: true }],
    ["nudges OFF", { kind: "nudges", enabled: false }],
    ["dance", { kind: "unknown", word: "dance" }],
  ])("reads %j", (text, expected) => {
    expect(parseAsyncCommand(text)).toEqual(expected);
  });

  it.each(["link", "link a/b c/d", "unlink x", "status x", "export", "nudges", "nudges sometimes"])(
    "answers %j with its usage",
    (text) => {
      expect(parseAsyncCommand(text)).toMatchObject({
        kind: "usage",
        usage: expect.stringContaining("/async"),
      });
    },
  );
});

describe("parseMessageLink", () => {
  it("reads a parent message link", () => {
    expect(parseMessageLink("https://acme.slack.com/archives/C0123ABC/p1732550400000100")).toEqual({
      channelId: "C0123ABC",
      messageTs: "1732550400.000100",
    });
  });

  it("reads a reply link with its thread, wrapped as Slack sends it", () => {
    expect(
      parseMessageLink(
        "<https://acme.slack.com/archives/C0123ABC/p1732550500000200?thread_ts=1732550400.000100&cid=C0123ABC>",
      ),
    ).toEqual({ channelId: "C0123ABC", messageTs: "1732550500.000200", threadTs: "1732550400.000100" });
  });

  it.each([
    "https://acme.slack.com/archives/C0123ABC",
    "https://evil.example.com/archives/C0123ABC/p1732550400000100",
    "https://acme.slack.com/archives/X0123ABC/p1732550400000100",
    "acme.slack.com/archives/C0123ABC/p1732550400000100",
    "nothing",
  ])("refuses %s", (text) => {
    expect(parseMessageLink(text)).toBeUndefined();
  });
});
