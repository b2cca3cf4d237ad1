import { describe, expect, it } from "vitest";
import { OfflineSummarizer } from "../../src/summarize/offline-summarizer.js";
import type { ThreadSummary } from "../../src/summarize/summarizer.js";
import { buildSummaryInput, type Line } from "./build-summary-input.js";

const summarizer = new OfflineSummarizer();
const summarize = (...lines: Line[]): Promise<ThreadSummary> =>
  summarizer.summarize(buildSummaryInput(lines));

describe("OfflineSummarizer titles", () => {
  it("names the topic instead of copying the first line, and adds the decision", async () => {
    const result = await summarize(
      [
        "Alice",
        "Hey team, we need to pick the datastore for the new billing ledger. Options: Postgres or DynamoDB.",
      ],
      ["Dan", "Proposal: Postgres on RDS"],
      ["Marta", "sounds good"],
    );
    expect(result.title).toBe("Datastore for the new billing ledger: Postgres on RDS");
  });

  it("strips mentions, emoji, URLs and code from the title", async () => {
    const result = await summarize([
      "Tariq",
      "`@Sofia Russo` :rotating_light: Uploads over 50 MB fail https://grafana.example.com/d/1 🔥\n```\nupstream timed out\n```",
    ]);
    expect(result.title).toBe("Uploads over 50 MB fail");
  });

  it("keeps the title within 255 characters even for a huge first message", async () => {
    const result = await summarize(["Ana", `${"word ".repeat(5_000)}end`]);
    expect(result.title.length).toBeLessThanOrEqual(255);
    expect(result.title.length).toBeLessThanOrEqual(81);
  });

  it("falls back to the channel when no message has prose", async () => {
    const result = await summarize(["Ana", "🎉🎉"], ["Ben", "```\nnpm test\n```"]);
    expect(result.title).toBe("Slack thread in #general");
  });
});

describe("OfflineSummarizer limits", () => {
  it("summarizes an empty thread", async () => {
    const result = await summarizer.summarize({ channelName: "general", messages: [] });
    expect(result).toEqual({
      title: "Slack thread in #general",
      summary: "The thread in #general has no messages.",
      decisions: [],
      actionItems: [],
      openQuestions: [],
      summarizer: "offline",
    });
  });

  it("summarizes a single message", async () => {
    const result = await summarize(["Zoe", "Should we rename the repo to `threadport`?"]);
    expect(result.title).toBe("Rename the repo to threadport");
    expect(result.summary).toBe(
      "Zoe posted a single message in #general about “Rename the repo to threadport”. No decision yet. Left to do: 1 open question.",
    );
    expect(result.openQuestions).toEqual(["Should we rename the repo to threadport?"]);
  });

  it("survives messages that are only emoji, only code, empty or without a valid date", async () => {
    const input = buildSummaryInput([
      ["Ana", "👍👍"],
      ["Ben", "```\nSELECT 1;\n```"],
      ["Cy", ""],
      ["Dee", "   "],
    ]);
    input.messages.push({ author: "Eve", text: ":tada:", isBot: false, at: new Date(Number.NaN) });
    const result = await summarizer.summarize(input);
    expect(result.decisions).toEqual([]);
    expect(result.summary).toBe(
      "Ana, Ben and 3 others talked in #general (5 messages, 5 participants). No decision was recorded.",
    );
  });

  it("keeps non-English text as written", async () => {
    const result = await summarize(
      ["Kenji", "デプロイは金曜日にしますか？"],
      ["Mia", "Wir machen das Release am Freitag."],
    );
    expect(result.openQuestions).toEqual([]);
    expect(result.decisions).toEqual(["Wir machen das Release am Freitag."]);
  });

  it("gives the same output for the same input", async () => {
    const lines: Line[] = [
      ["Ana", "Let's ship on Friday."],
      ["Ben", "👍"],
      ["Cy", "Who writes the notes?"],
    ];
    const first = await summarize(...lines);
    const second = await summarize(...lines.map((line) => [...(line as [string, string])] as Line));
    expect(second).toEqual(first);
  });

  it("summarizes 10,000 messages in linear time", async () => {
    const texts = [
      "Let's move the cron to 02:00.",
      "sounds good",
      "I'll update the runbook.",
      "Who owns the alert?",
      "`@Ben` can you check the logs?",
      "on it",
    ];
    const lines: Line[] = Array.from({ length: 10_000 }, (_, i) => [
      `person ${i % 7}`,
      `${texts[i % texts.length]} #${i}`,
    ]);
    const started = performance.now();
    const result = await summarize(...lines);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.decisions.length).toBeLessThanOrEqual(15);
    expect(result.actionItems.length).toBeLessThanOrEqual(25);
    expect(result.summary).toContain("10000 messages, 7 participants");
  });
});
