/** A ✅ or 👍 reaction by someone else on a proposal makes it a decision, as a "sounds good" reply does. */
import { describe, expect, it } from "vitest";
import { OfflineSummarizer } from "../../../src/summarize/offline-summarizer.js";
import type { SummaryInput } from "../../../src/summarize/summarizer.js";
import { buildSummaryInput, type Line } from "../build-summary-input.js";

function withReactions(lines: Line[], reactions: Record<number, string[]>): SummaryInput {
  const input = buildSummaryInput(lines);
  input.messages.forEach((message, i) => {
    if (reactions[i]) message.reactions = reactions[i];
  });
  return input;
}

const summarize = (input: SummaryInput) => new OfflineSummarizer().summarize(input);

describe("decisions agreed by reaction", () => {
  const lines: Line[] = [
    ["Alice", "The nightly export keeps timing out on big threads."],
    ["Bob", "Let's move the export to a background job with its own queue."],
    ["Priya", "I can look at the worker pool sizes tomorrow."],
  ];

  it("adopts a proposal someone reacted to with ✅", async () => {
    const summary = await summarize(withReactions(lines, { 1: ["white_check_mark"] }));
    expect(summary.decisions).toEqual(["Move the export to a background job with its own queue."]);
  });

  it("counts 👍 with a skin tone and heavy_check_mark too", async () => {
    for (const reaction of ["+1::skin-tone-3", "heavy_check_mark", "thumbsup"]) {
      const summary = await summarize(withReactions(lines, { 1: [reaction] }));
      expect(summary.decisions, reaction).toHaveLength(1);
    }
  });

  it("ignores reactions that do not agree, and agreement on a message that proposes nothing", async () => {
    expect((await summarize(withReactions(lines, { 1: ["eyes", "thinking_face"] }))).decisions).toEqual([]);
    expect((await summarize(withReactions(lines, { 0: ["white_check_mark"] }))).decisions).toEqual([]);
  });

  it("settles a yes/no question someone reacted to with ✅, so it is no longer open", async () => {
    const summary = await summarize(
      withReactions(
        [
          ["Alice", "Should we drop support for Node 18 in the next release?"],
          ["Bob", "Unrelated, but the CI cache is flaky again."],
        ],
        { 0: ["white_check_mark"] },
      ),
    );
    expect(summary.decisions).toHaveLength(1);
    expect(summary.decisions[0]).toMatch(/Node 18/);
    expect(summary.openQuestions).toEqual([]);
  });
});
