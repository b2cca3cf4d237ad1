import { describe, expect, it } from "vitest";
import { matchConfirmedStatement } from "../../../src/summarize/offline/match-confirmed-statement.js";
import { matchExplicitDecision } from "../../../src/summarize/offline/match-explicit-decision.js";

describe("a decision restated after a label or an agreement", () => {
  it.each([
    ["Agreed — let's go with 4 attempts and a 30 s cap.", "go with 4 attempts and a 30 s cap."],
    ["Decision: we're going with Postgres 16.", "go with Postgres 16."],
    ["Settled: let's go for the blue logo.", "go with the blue logo."],
  ])("reads %j as %j", (sentence, decision) => {
    expect(matchExplicitDecision(sentence)).toEqual({ text: decision, isLabel: true });
  });

  it("keeps a label's own words when they state no decision of their own", () => {
    expect(matchExplicitDecision("Decision: Postgres 16, upgraded in March.")).toEqual({
      text: "Postgres 16, upgraded in March.",
      isLabel: true,
    });
  });

  it("drops a leading let's from an agreed clause", () => {
    expect(matchConfirmedStatement("Fine by me, let's go with the March window.")).toBe(
      "go with the March window.",
    );
  });
});
