/** "Approved" with nothing proposed, and a course announced with the condition that ends it. */
import { describe, expect, it } from "vitest";
import { matchAnnouncedAction } from "../../../src/summarize/offline/match-announced-action.js";
import { OfflineSummarizer } from "../../../src/summarize/offline-summarizer.js";
import { buildSummaryInput, type Line } from "../build-summary-input.js";

const decisionsOf = async (...lines: Line[]) =>
  (await new OfflineSummarizer().summarize(buildSummaryInput(lines))).decisions;

describe("an approval with no proposal in sight", () => {
  it("names the merge request and what it does", async () => {
    const decisions = await decisionsOf(
      [
        "Dev",
        "MR for the saved search filters is ready: https://gitlab.example.com/mr/233. It adds a table.",
      ],
      ["Ruth", "Left a comment on the index."],
      ["Ruth", "LGTM ✅"],
    );
    expect(decisions).toEqual([
      "The merge request for the saved search filters is approved; it adds a table.",
    ]);
  });

  it("quotes a merge request named after the colon", async () => {
    const decisions = await decisionsOf(
      ["Nina", "PR ready for review: !482 Move date formatting to luxon. Removes moment.js."],
      ["Omar", "approved"],
    );
    expect(decisions).toEqual(["The merge request “!482 Move date formatting to luxon” is approved."]);
  });

  it("approves the topic when the thread did not open with work for review", async () => {
    const decisions = await decisionsOf(["Ana", "Holiday rota: who covers the 24th?"], ["Ben", "approved"]);
    expect(decisions).toEqual(["Approved: Holiday rota."]);
  });
});

describe("a course announced with what ends it", () => {
  it.each([
    [
      "Pausing the marketing digest until the quota is raised, so transactional mail gets through.",
      "Pausing the marketing digest until the quota is raised",
    ],
    [
      "Disabling the nightly cache warmer until the pipeline pins the artifact.",
      "Disabling the nightly cache warmer until the pipeline pins the artifact",
    ],
  ])("reads %j", (sentence, action) => {
    expect(matchAnnouncedAction(sentence)).toBe(action);
  });

  it.each([
    "Waiting until the quota is raised.",
    "Nothing changes until Monday.",
    "Checking the logs until the alert clears.",
    "The digest is paused until the quota is raised.",
  ])("does not read %j as a course taken", (sentence) => {
    expect(matchAnnouncedAction(sentence)).toBeUndefined();
  });
});
