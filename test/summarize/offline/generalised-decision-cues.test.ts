/** The decision rules that read sentence structure rather than fixed phrases, each with non-decisions. */
import { describe, expect, it } from "vitest";
import { matchAnnouncedAction } from "../../../src/summarize/offline/match-announced-action.js";
import { matchConfirmedStatement } from "../../../src/summarize/offline/match-confirmed-statement.js";
import { matchProposal } from "../../../src/summarize/offline/match-proposal.js";
import { matchRejection, matchWithdrawal } from "../../../src/summarize/offline/match-rejection.js";
import { matchSettledChoice } from "../../../src/summarize/offline/match-settled-choice.js";
import { OptionBook } from "../../../src/summarize/offline/option-book.js";
import { OfflineSummarizer } from "../../../src/summarize/offline-summarizer.js";
import { buildSummaryInput, type Line } from "../build-summary-input.js";

const decisionsOf = async (...lines: Line[]) =>
  (await new OfflineSummarizer().summarize(buildSummaryInput(lines))).decisions;

describe("a settled choice", () => {
  it.each([
    ["Relay it is.", "Relay", true],
    ["LRU with a 2 GB cap it is then", "LRU with a 2 GB cap", false],
    ["Go with option B.", "go with option B.", false],
  ])("reads %j", (sentence, text, isBare) => {
    expect(matchSettledChoice(sentence)).toEqual({ text, isBare });
  });

  it.each([
    "Whatever it is.",
    "I think it is.",
    "That's just how it is.",
    "Not sure what it is",
    "go for it",
    "The queue is slow because of how the consumer reads it and honestly I have no idea why it is",
  ])("does not read %j as a choice", (sentence) => {
    expect(matchSettledChoice(sentence)).toBeUndefined();
  });

  it("names what a bare choice was for, from the thread's topic", async () => {
    const decisions = await decisionsOf(
      ["Ana", "We need a name for the webhook relay product."],
      ["Ben", "Relay is clear."],
      ["Ana", "ok, Relay it is then"],
    );
    expect(decisions).toEqual(["We need a name for the webhook relay product: Relay."]);
  });
});

describe("an agreement followed by what is agreed", () => {
  it.each([
    ["fine by me, ship it with the flag off", "ship it with the flag off"],
    ["Sounds good: let's cut the RC on Thursday", "cut the RC on Thursday"],
    ["LGTM, merge after the changelog entry", "merge after the changelog entry"],
  ])("reads %j", (sentence, text) => {
    expect(matchConfirmedStatement(sentence)).toBe(text);
  });

  it.each([
    "Sounds good. I'll tell the customer success team.",
    "Makes sense, curious what the data says.",
    "sounds good, but what about the mobile app?",
    "works for me, as long as QA signs off",
    "LGTM, approved",
    "fine by me too",
    "de acuerdo, hago el rollback ahora",
    "ok, the dashboard is up again",
  ])("does not read %j as a decision", (sentence) => {
    expect(matchConfirmedStatement(sentence)).toBeUndefined();
  });
});

describe("a refusal and a withdrawal", () => {
  it("reads a refusal as the decision, in the speaker's words", () => {
    expect(matchRejection("We're not doing the ES expansion; S3 instead.")).toBe(
      "We're not doing the ES expansion; S3 instead.",
    );
    expect(matchRejection("ok, we won't support IE11 anymore")).toBe("we won't support IE11 anymore");
  });

  it.each([
    "We won't know until Monday.",
    "we're not going to make it by Friday",
    "We're not sure yet.",
    "we won't be able to test it before the freeze",
  ])("does not read the forecast %j as a refusal", (sentence) => {
    expect(matchRejection(sentence)).toBeUndefined();
  });

  it("finds what is withdrawn, but not in a question or with nothing named", () => {
    expect(matchWithdrawal("Then scrap Saturday.")).toBe("Saturday.");
    expect(matchWithdrawal("Actually, let's cancel the freeze")).toBe("the freeze");
    expect(matchWithdrawal("Should we scrap Saturday?")).toBeUndefined();
    expect(matchWithdrawal("forget it")).toBeUndefined();
  });

  it("lets a later decision replace the one it withdraws", async () => {
    const decisions = await decisionsOf(
      ["Ana", "Saturday 02:00 UTC or Tuesday 22:00 UTC for the upgrade?"],
      ["Ana", "ok, Saturday 02:00 UTC it is."],
      ["Cy", "Saturday clashes with the billing batch."],
      ["Ana", "Then scrap Saturday. Tuesday 22:00 UTC instead."],
      ["Cy", "works for me"],
    );
    expect(decisions).toEqual(["Tuesday 22:00 UTC."]);
  });

  it("keeps a decision that a withdrawal does not name", async () => {
    const decisions = await decisionsOf(
      ["Ana", "ok, Postgres it is."],
      ["Ben", "Then drop the Redis cache."],
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatch(/Postgres/);
  });
});

describe("proposals by structure", () => {
  it("reads let's-not and an alternative put forward as proposals", () => {
    expect(matchProposal("let's not do the monorepo this quarter")).toEqual({
      text: "don't do the monorepo this quarter",
      asksYesNo: false,
    });
    expect(matchProposal("Shared config as an npm package instead?")).toEqual({
      text: "Shared config as an npm package",
      asksYesNo: true,
    });
    expect(matchProposal("Tuesday 22:00 UTC instead.")?.text).toBe("Tuesday 22:00 UTC");
  });

  it.each([
    "let's not rush this",
    "Can they ship on the 18th instead?",
    "I used curl instead.",
    "It returned a 500 instead.",
  ])("does not read %j as a proposal", (sentence) => {
    expect(matchProposal(sentence)).toBeUndefined();
  });

  it("needs someone else to agree before a let's-not becomes a decision", async () => {
    expect(await decisionsOf(["Ana", "let's not do the monorepo this quarter."])).toEqual([]);
    expect(await decisionsOf(["Ana", "let's not do the monorepo this quarter."], ["Ben", "+1"])).toEqual([
      "Don't do the monorepo this quarter.",
    ]);
  });
});

describe("an announced action", () => {
  it("reads a course of action under way", () => {
    expect(matchAnnouncedAction("Rolling back to 3.11.4 now.")).toBe("Rolling back to 3.11.4");
    expect(matchAnnouncedAction("Failing over to the replica now")).toBe("Failing over to the replica");
  });

  it.each([
    "Looking into it now.",
    "Checking the logs now",
    "Rolling back to 3.11.4 tomorrow.",
    "Rolling back now?",
  ])("does not read %j as one", (sentence) => {
    expect(matchAnnouncedAction(sentence)).toBeUndefined();
  });
});

describe("the options laid out in a thread", () => {
  it("names the option a decision picks", () => {
    const book = new OptionBook();
    book.note("Option A: Statuspage ($399/mo). Option B: Instatus ($99/mo, has SSO).");
    expect(book.expand("Go with option B.")).toBe("Go with option B (Instatus).");
    expect(book.expand("Go with option C.")).toBe("Go with option C.");
    expect(book.expand("Option B, Instatus, it is")).toBe("Option B, Instatus, it is");
  });

  it("reads options written as (a), (b)", () => {
    const book = new OptionBook();
    book.note("Options: (a) LRU with a 2 GB cap, (b) TTL-only at 30 min.");
    expect(book.expand("go with option b")).toBe("go with option b (TTL-only at 30 min)");
  });
});

describe("reports that are not decisions", () => {
  it("does not read 'we keep getting' as keeping something", async () => {
    expect(await decisionsOf(["Ana", "We keep getting OOM kills on the cache pods."])).toEqual([]);
  });

  it("reads a reported consensus and a settled label", async () => {
    expect(await decisionsOf(["Ana", "Consensus seems to be cursor pagination, max 200."])).toEqual([
      "Cursor pagination, max 200.",
    ]);
    expect(await decisionsOf(["Ana", "settled: 90 days hot, then Glacier."])).toEqual([
      "90 days hot, then Glacier.",
    ]);
  });
});
