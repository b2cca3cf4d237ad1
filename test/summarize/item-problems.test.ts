import { describe, expect, it } from "vitest";
import { itemProblems, ownerProblems } from "../../src/summarize/item-problems.js";

describe("itemProblems", () => {
  it.each([
    ["decision", "Use tags for releases: a release implies a tag, not the reverse"],
    ["decision", "Retry 4 times, at most 30 s each, honouring `Retry-After`"],
    ["decision", "Keep the staging database on Postgres 15 until the March upgrade"],
    ["action", "Rename it"],
    ["action", "Write the retry policy and its tests this week"],
    ["question", "Do Slack's own 429s need the same policy?"],
    ["question", "Whether the arm64 runners need their own cache"],
    ["question", "Which region the replica should live in?"],
  ] as const)("passes a real %s: %s", (kind, text) => {
    expect(itemProblems({ kind, text })).toEqual([]);
  });

  it.each([
    [{ kind: "decision", text: "Alice here." }, "only says who is writing"],
    [{ kind: "decision", text: "Ahmed Karimi here!" }, "only says who is writing"],
    [{ kind: "decision", text: "Thanks, that worked!" }, "is only thanks, agreement or a greeting"],
    [{ kind: "decision", text: "Sounds good 👍" }, "is only thanks, agreement or a greeting"],
    [{ kind: "decision", text: "+1" }, "is only thanks, agreement or a greeting"],
    [
      { kind: "action", text: "it delete all the data I just loaded" },
      'starts with "it", which refers to nothing here',
    ],
    [
      { kind: "action", text: "take a look and review it when available?\\" },
      "holds a Markdown escape shown raw",
    ],
    [{ kind: "action", text: "take a look and review it when available?" }, "is a question, not a task"],
    [{ kind: "decision", text: "Should we pin numpy below 2.0?" }, "is a question, not a decision"],
    [{ kind: "question", text: "The cache is cold after every deploy" }, "is not a question"],
    [{ kind: "decision", text: "Move the nightly build to" }, 'ends on the connector word "to"'],
    [{ kind: "decision", text: "Switch the runners to…" }, "is cut off (ends with an ellipsis)"],
    [{ kind: "action", text: "Update the docs (the caching page" }, "has unbalanced parentheses"],
    [{ kind: "action", text: "Read <https://example.com/x|the runbook> first" }, "holds Slack link markup"],
    [{ kind: "decision", text: "Hi all, we use tags now" }, "starts with a greeting"],
    [{ kind: "question", text: "   " }, "is empty"],
    [{ kind: "decision", text: `Use ${"the long option ".repeat(20)}` }, "is longer than 300 characters"],
    [{ kind: "action", text: "Rotate the deploy token", owner: "@all" }, 'owner "@all" is not a person'],
    [
      { kind: "action", text: "Rotate the deploy token", owner: "the platform team" },
      'owner "the platform team" is not a person',
    ],
  ] as const)("finds what is wrong with %j", (item, problem) => {
    expect(itemProblems(item)).toContain(problem);
  });

  it("accepts an action item with a person as owner, or with no owner", () => {
    expect(itemProblems({ kind: "action", text: "Rotate the deploy token", owner: "Priya" })).toEqual([]);
    expect(itemProblems({ kind: "action", text: "Rotate the deploy token" })).toEqual([]);
  });

  it("checks owners only on action items", () => {
    expect(itemProblems({ kind: "decision", text: "Rotate the deploy token", owner: "everyone" })).toEqual(
      [],
    );
  });
});

describe("ownerProblems", () => {
  it.each(["Priya", "Ahmed Karimi", "Jean-Luc Picard", "O'Neil", "@bob", "José María García"])(
    "takes %s for a person",
    (owner) => {
      expect(ownerProblems(owner)).toEqual([]);
    },
  );

  it.each([
    "everyone",
    "Team",
    "someone",
    "TBD",
    "n/a",
    "We",
    "you",
    "#platform",
    "~backend",
    "CI (bot)",
    "deploy-bot",
    "123",
    "",
  ])("does not take %j for a person", (owner) => {
    expect(ownerProblems(owner)).toHaveLength(1);
  });
});
