import { describe, expect, it } from "vitest";
import type { ThreadSummary } from "../../src/summarize/summarizer.js";
import { formatScoreTable, matchItems, scoreSummary, similarity, totals } from "./score-summaries.js";

const summary = (parts: Partial<ThreadSummary>): ThreadSummary => ({
  title: "",
  summary: "",
  decisions: [],
  actionItems: [],
  openQuestions: [],
  summarizer: "test",
  ...parts,
});

describe("score-summaries", () => {
  it("measures content-word overlap, ignoring function words and simple suffixes", () => {
    expect(similarity("Roll back to v2.14.3", "rolling back to v2.14.3 now")).toBeGreaterThanOrEqual(0.8);
    expect(similarity("Use Postgres on RDS", "Use DynamoDB with streams")).toBeLessThan(0.5);
  });

  it("matches each expected item at most once, best pairs first", () => {
    const score = matchItems(["ship the beta on Friday", "ship the beta"], ["ship the beta"], (s) => s);
    expect(score).toEqual({
      expected: 2,
      found: 1,
      matched: 1,
      missed: ["ship the beta on Friday"],
      extra: [],
    });
  });

  it("requires the same owner for action items, and does not count the owner's name as text", () => {
    const score = scoreSummary(
      { decisions: [], openQuestions: [], actionItems: [{ owner: "Dan", text: "get a cost estimate" }] },
      summary({
        actionItems: [
          { owner: "Ana", text: "get a cost estimate" },
          { owner: "Dan", text: "review Dan's notes" },
        ],
      }),
    );
    expect(score.actionItems.matched).toBe(0);
  });

  it("computes precision and recall over the whole set and prints them as a table", () => {
    const results = [
      {
        name: "a",
        summary: summary({ decisions: ["Use Postgres", "Hire Bob"] }),
        score: scoreSummary(
          { decisions: ["Use Postgres"], actionItems: [], openQuestions: [] },
          summary({ decisions: ["Use Postgres", "Hire Bob"] }),
        ),
      },
    ];
    expect(totals(results).decisions).toMatchObject({
      expected: 1,
      found: 2,
      matched: 1,
      precision: 0.5,
      recall: 1,
    });
    expect(formatScoreTable(results, "markdown").split("\n")[2]).toBe(
      "| Decisions | 1 | 2 | 1 | 0.50 | 1.00 | 0.67 |",
    );
  });
});
