/** Decisions written as a list: each item is a decision once the list is stated or agreed. */
import { describe, expect, it } from "vitest";
import { matchItemNumber } from "../../../src/summarize/offline/read-decision-list.js";
import { OfflineSummarizer } from "../../../src/summarize/offline-summarizer.js";
import { buildSummaryInput, type Line } from "../build-summary-input.js";

const decisionsOf = async (...lines: Line[]) =>
  (await new OfflineSummarizer().summarize(buildSummaryInput(lines))).decisions;

const PLAN = "Plan for the release:\n1. Cut the RC on Tuesday.\n2. Freeze the API docs until GA.";

describe("a list of decisions", () => {
  it("makes each item of an agreed plan its own decision", async () => {
    expect(await decisionsOf(["Ana", PLAN], ["Ben", "looks right to me 👍"])).toEqual([
      "Cut the RC on Tuesday.",
      "Freeze the API docs until GA.",
    ]);
  });

  it("takes a list under a decision label without waiting for agreement", async () => {
    const decisions = await decisionsOf([
      "Ana",
      "Decided in the sync:\n- the v1 export goes away in May\n- dashboards move to the new schema",
    ]);
    expect(decisions).toEqual(["The v1 export goes away in May.", "Dashboards move to the new schema."]);
  });

  it("names what a very short item is about, from the lead-in", async () => {
    const decisions = await decisionsOf(
      ["Ana", "Offsite, where we landed:\n• Porto, 3–5 June\n• one shared dinner on the second night"],
      ["Ben", "💯"],
    );
    expect(decisions).toEqual(["Offsite: Porto, 3–5 June.", "One shared dinner on the second night."]);
  });

  it("lets the author's restatement replace an item someone questioned by number", async () => {
    const decisions = await decisionsOf(
      ["Ana", PLAN],
      ["Ben", "matches my notes"],
      ["Cem", "On 2: we said the docs freeze only covers the public endpoints."],
      ["Ana", "Right, fixed: the docs freeze covers the public endpoints only."],
    );
    expect(decisions).toEqual([
      "Cut the RC on Tuesday.",
      "The docs freeze covers the public endpoints only.",
    ]);
  });

  it("lets the restatement replace the one item a reply shares two words with", async () => {
    const decisions = await decisionsOf(
      ["Ana", "From the review meeting:\n- remove old_search\n- remove legacy_nav\n- keep the pricing flag"],
      ["Ben", "legacy_nav is still at 50%, we can't remove it yet."],
      ["Ana", "ah right, legacy_nav stays until it is at 100%."],
      ["Ben", "👍"],
    );
    expect(decisions).toEqual([
      "Remove old_search.",
      "Legacy_nav stays until it is at 100%.",
      "Keep the pricing flag.",
    ]);
  });

  it("adopts a list someone else reacted to with ✅", async () => {
    const input = buildSummaryInput([["Ana", PLAN]]);
    input.messages[0]!.reactions = ["white_check_mark"];
    expect((await new OfflineSummarizer().summarize(input)).decisions).toHaveLength(2);
  });

  it.each<[string, Line[]]>([
    [
      "a plan nobody agreed to",
      [
        ["Ana", PLAN],
        ["Ben", "Can we move the RC to Wednesday?"],
      ],
    ],
    [
      "a plan only its author agrees to",
      [
        ["Ana", PLAN],
        ["Ana", "👍"],
      ],
    ],
    [
      "a list of options",
      [
        ["Ana", "Options from the call:\n- Postgres\n- DynamoDB"],
        ["Ben", "👍"],
      ],
    ],
    [
      "next steps",
      [
        ["Ana", "Next steps from the retro:\n- fix the flaky test\n- update the runbook"],
        ["Ben", "👍"],
      ],
    ],
    [
      "findings",
      [
        ["Ana", "What I see so far:\n- the cache is cold\n- the index is missing"],
        ["Ben", "👍"],
      ],
    ],
    [
      "a list without a lead-in",
      [
        ["Ana", "- cut the RC on Tuesday\n- freeze the docs"],
        ["Ben", "👍"],
      ],
    ],
    [
      "a list of questions",
      [
        ["Ana", "Notes from the call:\n- do we need SSO?\n- who owns billing?"],
        ["Ben", "👍"],
      ],
    ],
  ])("gives no decision for %s", async (_case, lines) => {
    expect(await decisionsOf(...lines)).toEqual([]);
  });

  it("agrees only within a few messages of the list", async () => {
    const decisions = await decisionsOf(
      ["Ana", PLAN],
      ["Ben", "the staging cluster is slow today"],
      ["Cem", "yeah, the node pool is being resized"],
      ["Ben", "it should be done by noon"],
      ["Cem", "the dashboards are back"],
      ["Dee", "👍"],
    );
    expect(decisions).toEqual([]);
  });
});

describe("a reply about a list item by number", () => {
  it.each([
    ["One correction on 2: we said the parser first.", 2],
    ["For 3 we said a contractor first.", 3],
    ["re #4, that was Thursday", 4],
    ["point 1 is wrong", 1],
  ])("reads %j", (text, number) => {
    expect(matchItemNumber(text)).toBe(number);
  });

  it.each(["We need 2 more days.", "for 2 hours", "on 3% of hosts", "Version 2 is out"])(
    "finds no item in %j",
    (text) => {
      expect(matchItemNumber(text)).toBeUndefined();
    },
  );
});
