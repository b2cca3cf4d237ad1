import { describe, expect, it } from "vitest";
import { parseAsyncCommand } from "../../../src/slack/commands/parse-async-command.js";
import { updatesAnswer } from "../../../src/slack/views/post-back-answers.js";

describe("/async updates", () => {
  it.each([
    ["updates on", { kind: "updates", settings: { enabled: true } }],
    ["updates OFF", { kind: "updates", settings: { enabled: false } }],
    ["updates confidential on", { kind: "updates", settings: { confidentialText: true } }],
    ["updates confidential off", { kind: "updates", settings: { confidentialText: false } }],
  ])("parses %j", (text, parsed) => {
    expect(parseAsyncCommand(text)).toEqual(parsed);
  });

  it.each(["updates", "updates maybe", "updates on now", "updates confidential"])(
    "explains the usage of %j",
    (text) => {
      expect(parseAsyncCommand(text)).toMatchObject({ kind: "usage" });
    },
  );

  it.each([
    [{ enabled: true }],
    [{ enabled: false }],
    [{ confidentialText: true }],
    [{ confidentialText: false }],
  ])("answers %j", (settings) => {
    const answer = updatesAnswer(settings);
    expect(answer.blocks).toHaveLength(1);
    expect(answer.text).toMatchSnapshot();
  });
});
