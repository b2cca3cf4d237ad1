/**
 * 100 exports through GitLab 500s (some after the issue was created) and 429s, Slack 429s, redelivered
 * events and one SIGKILL of the bot: exactly one issue per thread, none lost, every thread answered.
 * Figures from the same scenario: docs/reliability.md (npm run bench:faults).
 */
import { describe, expect, it } from "vitest";
import { runFaultScenario } from "../helpers/fault-scenario.js";

describe("fault injection", () => {
  it("files exactly one issue per thread and answers every thread through faults and a crash", async () => {
    const report = await runFaultScenario({ exports: 100, seed: 20250106 });
    expect(report.killedAfterIssues).toBeGreaterThan(0);
    expect(report.gitlab500Before + report.gitlab500After + report.gitlab429).toBeGreaterThan(20);
    expect(report.redeliveries).toBeGreaterThan(0);
    expect(report).toMatchObject({
      exports: 100,
      issues: 100,
      duplicateIssues: 0,
      missingIssues: 0,
      threadsWithoutReply: 0,
      // A retried export whose earlier attempt already replied says nothing more.
      threadsWithSeveralReplies: 0,
      failuresShown: 0,
    });
  }, 240_000);
});
