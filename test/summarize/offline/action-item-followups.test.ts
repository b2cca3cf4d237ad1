/** What happens to a promise later in the thread: a condition, a report that it is done, a bare pronoun. */
import { describe, expect, it } from "vitest";
import { matchCommitment } from "../../../src/summarize/offline/match-commitment.js";
import { matchCompletionReports } from "../../../src/summarize/offline/match-completion-report.js";
import { OfflineSummarizer } from "../../../src/summarize/offline-summarizer.js";
import { buildSummaryInput, type Line } from "../build-summary-input.js";

const tasksOf = async (...lines: Line[]) =>
  (await new OfflineSummarizer().summarize(buildSummaryInput(lines))).actionItems.map(
    (item) => `${item.owner ?? "-"}: ${item.text}`,
  );

describe("a promise on a condition", () => {
  it.each([
    ["I'll approve if the index is unique.", "approve"],
    ["I'll sign off on the partner list if legal is fine with the NDA.", "sign off on the partner list"],
    ["I can make the window configurable unless that's overkill", "make the window configurable"],
  ])("reads %j as conditional", (sentence, offer) => {
    expect(matchCommitment(sentence)).toMatchObject({ text: offer, conditional: true });
  });

  it.each([
    "I'll check if the cert renewed.",
    "I'll ship it even if QA is late.",
    "I'll unquarantine them once they pass 5 nights in a row.",
    "I'll see if the vendor has a sandbox.",
  ])("does not read %j as conditional", (sentence) => {
    expect(matchCommitment(sentence)?.conditional).toBeUndefined();
  });

  it("is not listed as a task", async () => {
    expect(
      await tasksOf(["Ruth", "Left two comments."], ["Ruth", "I'll approve if the index is unique."]),
    ).toEqual([]);
  });

  it("becomes a task once its author takes it on after all", async () => {
    expect(
      await tasksOf(
        ["Petra", "I can make the window configurable per tenant if that's a concern."],
        ["Arjun", "It is for legal. Make it configurable please."],
        ["Petra", "Will do."],
      ),
    ).toEqual(["Petra: make the window configurable per tenant"]);
  });
});

describe("work its owner reports as finished", () => {
  it.each([
    ["Full purge done, the pricing page shows the new numbers again.", ["Full purge done"]],
    ["JS SDK warning is merged, it goes out in 4.8.0.", ["JS SDK warning is merged"]],
    [
      "Dinner booked for 20 people, vegan menu confirmed.",
      ["Dinner booked for 20 people", "vegan menu confirmed."],
    ],
  ])("reads %j as a report", (sentence, clauses) => {
    expect(matchCompletionReports(sentence)).toEqual(clauses);
  });

  it.each([
    "Is the purge done?",
    "I'll ping you once it's merged.",
    "The warning is not merged yet.",
    "Booking the dinner tomorrow.",
    "It should be fixed by Friday.",
  ])("does not read %j as a report", (sentence) => {
    expect(matchCompletionReports(sentence)).toEqual([]);
  });

  it("is no longer an open task", async () => {
    expect(
      await tasksOf(
        ["Mara", "I can run the full purge."],
        ["Tom", "thanks"],
        ["Mara", "Full purge done, the pricing page is fine again."],
      ),
    ).toEqual([]);
  });

  it("stays open when someone else reports it, or the report is about other work", async () => {
    expect(
      await tasksOf(
        ["Mara", "I can run the full purge."],
        ["Tom", "Full purge done."],
        ["Mara", "Dashboards fixed."],
      ),
    ).toEqual(["Mara: run the full purge"]);
  });
});

describe("a promise that is only a pronoun", () => {
  it("stays listed when there is no request it takes, since its referent is in the conversation", async () => {
    expect(
      await tasksOf(
        ["Omar", "formatDate2 is a confusing name, maybe formatDateForLocale?"],
        ["Nina", "fair, I'll rename it"],
      ),
    ).toEqual(["Nina: rename it"]);
  });

  it("takes a request made just before, with the request's words", async () => {
    expect(
      await tasksOf(
        ["Carla", "`@Felix` could you email the partner list?"],
        ["Felix", "sure, I'll send that today"],
      ),
    ).toEqual(["Felix: email the partner list"]);
  });
});
