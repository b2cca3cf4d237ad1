import { describe, expect, it } from "vitest";
import { OfflineSummarizer } from "../../src/summarize/offline-summarizer.js";
import {
  type Category,
  formatDifferences,
  formatScoreTable,
  runSummaryFixtures,
  totals,
} from "./score-summaries.js";
import { loadSummaryFixtures } from "./summary-fixtures.js";

/**
 * Floors just below what the offline summarizer measured on the fixture set (see docs/summaries.md). A
 * change that lowers a figure below its floor fails here; raise a floor when a change lifts the figure.
 */
const FLOORS: Record<Category, { precision: number; recall: number }> = {
  decisions: { precision: 0.95, recall: 0.85 },
  actionItems: { precision: 0.93, recall: 0.95 },
  openQuestions: { precision: 0.95, recall: 0.95 },
};

const fixtures = loadSummaryFixtures();

describe("OfflineSummarizer quality on the fixture threads", () => {
  it("has at least 14 threads, each with a list for every category", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(14);
    for (const fixture of fixtures) {
      expect(fixture.input.messages.length, fixture.name).toBeGreaterThan(0);
      expect(Array.isArray(fixture.expected.decisions), fixture.name).toBe(true);
      expect(Array.isArray(fixture.expected.actionItems), fixture.name).toBe(true);
      expect(Array.isArray(fixture.expected.openQuestions), fixture.name).toBe(true);
      expect(
        fixture.input.messages.every((m) => !Number.isNaN(m.at.getTime())),
        fixture.name,
      ).toBe(true);
    }
  });

  it("keeps precision and recall of every category above its floor", async () => {
    const results = await runSummaryFixtures(new OfflineSummarizer(), fixtures);
    console.log(`Offline summarizer on ${results.length} threads\n${formatScoreTable(results)}`);
    const differences = formatDifferences(results);
    if (differences !== "") console.log(`Differences from the expected lists:\n${differences}`);
    const measured = totals(results);
    for (const category of Object.keys(FLOORS) as Category[]) {
      expect(measured[category].precision, `${category} precision`).toBeGreaterThanOrEqual(
        FLOORS[category].precision,
      );
      expect(measured[category].recall, `${category} recall`).toBeGreaterThanOrEqual(FLOORS[category].recall);
    }
  });
});
