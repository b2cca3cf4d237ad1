import { describe, expect, it } from "vitest";
import { parseMentionCommand } from "../../src/slack/parse-mention-command.js";

const BOT = "UBOT";
const parse = (text: string) => parseMentionCommand(text, BOT);

describe("parseMentionCommand", () => {
  it.each([
    "<@UBOT> file this",
    "<@UBOT> file",
    "<@UBOT> export",
    "<@UBOT> export this",
    "<@UBOT> file this thread",
    "<@UBOT> File This",
    "<@UBOT>   file   this  ",
    "<@UBOT> file this.",
    "<@UBOT> file this, please!",
    "<@UBOT> please file this",
    "<@UBOT|threadport> file this",
    "<@UBOT>file this",
    "file this <@UBOT>",
  ])("reads %j as an export without a title", (text) => {
    expect(parse(text)).toEqual({ kind: "export" });
  });

  it.each([
    ["<@UBOT> file this as Fix the login bug", "Fix the login bug"],
    ["<@UBOT> file this: Fix the login bug", "Fix the login bug"],
    ["<@UBOT> file: Fix the login bug", "Fix the login bug"],
    ["<@UBOT> file as Fix the login bug", "Fix the login bug"],
    ["<@UBOT> export this as Fix the login bug", "Fix the login bug"],
    ["<@UBOT> file this — Fix the login bug", "Fix the login bug"],
    ["<@UBOT> FILE THIS AS Fix the login bug", "Fix the login bug"],
    ['<@UBOT> file this as "Fix the login bug"', "Fix the login bug"],
    ["<@UBOT> file this as “Fix the login bug”", "Fix the login bug"],
    ["<@UBOT> file this as Fix\nthe login bug", "Fix the login bug"],
    ["<@UBOT> file this as Q&amp;A &lt;draft&gt;", "Q&A <draft>"],
    ["<@UBOT> file this as See <https://example.com/a|the doc>", "See the doc"],
    ["<@UBOT> file this as See <https://example.com/a>", "See https://example.com/a"],
    ["<@UBOT> file this as a bug for <@UBOT>", "a bug for"],
  ])("reads %j with the title %j", (text, title) => {
    expect(parse(text)).toEqual({ kind: "export", title });
  });

  it("keeps a title with no title words as an export without a title", () => {
    expect(parse("<@UBOT> file this as")).toEqual({ kind: "export" });
    expect(parse("<@UBOT> file this:  ")).toEqual({ kind: "export" });
  });

  it.each([
    "<@UBOT>",
    "<@UBOT> hello",
    "<@UBOT> help",
    "<@UBOT> what can you do?",
    "<@UBOT> filed a bug yesterday",
    "<@UBOT> files",
    "<@UBOT> file thisplease",
    "<@UBOT> export everything now",
    "<@UBOT> don't file this",
    "hey <@UBOT>",
    "<@U_OTHER> file this",
  ])("answers %j with help", (text) => {
    expect(parse(text)).toEqual({ kind: "help" });
  });
});
