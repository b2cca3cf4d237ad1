/**
 * Measures the offline summarizer against the hand-labelled threads in test/fixtures/summaries and prints
 * the precision/recall table as Markdown (copy it into docs/summaries.md).
 * Run: npx tsx bench/summary-quality.ts [--details]
 */
import { OfflineSummarizer } from "../src/summarize/offline-summarizer.js";
import {
  formatDifferences,
  formatScoreTable,
  runSummaryFixtures,
} from "../test/summarize/score-summaries.js";
import { loadSummaryFixtures } from "../test/summarize/summary-fixtures.js";

async function main(): Promise<void> {
  const fixtures = loadSummaryFixtures();
  const started = performance.now();
  const results = await runSummaryFixtures(new OfflineSummarizer(), fixtures);
  const elapsed = performance.now() - started;
  const messages = fixtures.reduce((sum, fixture) => sum + fixture.input.messages.length, 0);
  console.log(`## Offline summarizer quality (${fixtures.length} threads, ${messages} messages)\n`);
  console.log(formatScoreTable(results, "markdown"));
  console.log(
    `\nMatching: content-word Dice coefficient ≥ 0.5; action items also need the same owner. ${elapsed.toFixed(0)} ms.`,
  );
  if (process.argv.includes("--details")) {
    console.log("\n### Differences from the expected lists\n");
    console.log(
      formatDifferences(results)
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => `- ${line}`)
        .join("\n"),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
