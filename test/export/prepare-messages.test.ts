/** Redaction as the export applies it: on the raw Slack text, before the conversion to Markdown. */
import { describe, expect, it } from "vitest";
import { prepareMessages } from "../../src/export/prepare-messages.js";
import type { SlackThread } from "../../src/export/thread-types.js";
import { SECRET_SAMPLES } from "../helpers/secret-samples.js";

const fake = (prefix: string, body: string) => prefix + body;

function threadOf(...texts: string[]): SlackThread {
  return {
    teamId: "T1",
    conversation: { id: "C1", name: "ops", kind: "public_channel" },
    threadTs: "1700000000.000100",
    permalink: "https://acme.slack.com/archives/C1/p1700000000000100",
    people: new Map([["U1", { id: "U1", name: "Alice", isBot: false }]]),
    messages: texts.map((text, i) => ({
      ts: `${1700000000 + i}.000100`,
      userId: "U1",
      isBot: false,
      text,
      files: [],
    })),
  };
}

describe("preparing messages for the summary and the issue", () => {
  it.each(SECRET_SAMPLES.map((s) => [s.kind, s] as const))("redacts a %s", (_, sample) => {
    const [message] = prepareMessages(threadOf(sample.message));
    expect(message!.markdown).not.toContain(sample.secret);
    expect(message!.markdown).toContain("[redacted]");
    expect(message!.redactions).toBe(1);
  });

  it.each([
    ["a GitHub fine-grained token", fake("github_pat_", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")],
    ["a GitLab runner token", fake("glrt", "-t1_AbCdEfGhIjKlMnOpQrSt.01.0w1abc2de")],
    ["a GitLab token in italics", fake("_glpat", "-Ab_CdEfGhIjKlMnOpQrSt_")],
    [
      "an AWS secret key after its name",
      fake("aws_secret_access_key=", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ],
  ])("redacts %s although Markdown escapes its underscores", (_, text) => {
    const [message] = prepareMessages(threadOf(`see ${text} now`));
    expect(message!.markdown.replaceAll("\\", "")).not.toMatch(/AbCdEf|Ab_CdEf|EXAMPLEKEY|abcdefghijklmnop/);
    expect(message!.redactions).toBe(1);
  });

  it("keeps a link with a password out of the links list, and counts one secret", () => {
    const [message] = prepareMessages(
      threadOf("db at <postgres://admin:Sup3rS3cretPw@db.internal/app|the db>"),
    );
    expect(message!.markdown).toBe("db at [the db](postgres://admin:[redacted]@db.internal/app)");
    expect(message!.links).toEqual([]);
    expect(message!.redactions).toBe(1);
  });

  it("passes on the reactions of people other than the author", () => {
    const thread = threadOf("Let's ship on Monday.", "Or Tuesday?");
    thread.messages[0]!.reactions = [
      { name: "white_check_mark", users: ["U2"] },
      { name: "tada", users: ["U1"] },
    ];
    const [first, second] = prepareMessages(thread);
    expect(first!.reactionsByOthers).toEqual(["white_check_mark"]);
    expect(second!.reactionsByOthers).toEqual([]);
  });

  it("leaves text that only mentions [redacted] alone", () => {
    const [message] = prepareMessages(threadOf("the token shows as [redacted] in the issue"));
    expect(message!.markdown).toBe("the token shows as \\[redacted\\] in the issue");
    expect(message!.redactions).toBe(0);
  });
});
