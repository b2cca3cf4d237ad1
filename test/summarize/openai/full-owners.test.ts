/** The transcript names people by first name where that is unique; the summary names them in full. */
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_SUMMARY } from "../../fakes/fake-openai.js";
import { buildSummaryInput } from "../build-summary-input.js";
import { modelSummarizer, useFakeOpenAI } from "./with-fake-model.js";

const BUDGET = 2_000;

describe("owners named by first name", () => {
  const server = useFakeOpenAI({ contextWindow: BUDGET });

  it("are written in full in the summary, and ambiguous or unknown owners as the model wrote them", async () => {
    const { fake } = server;
    fake.answerWith(() => ({
      content: {
        ...DEFAULT_MODEL_SUMMARY,
        action_items: [
          { owner: "Priya", task: "Write the retry policy" },
          { owner: "Ana", task: "Ask the mobile team" },
          { owner: "the SRE team", task: "Page someone" },
        ],
      },
    }));
    const thread = buildSummaryInput([
      ["Priya Raman", "I'll write the retry policy."],
      ["Ana Souza", "Someone should ask the mobile team."],
      ["Ana Ruiz", "Agreed."],
    ]);
    const summary = await modelSummarizer(fake, { contextTokens: BUDGET }).summarize(thread);
    expect(fake.requests[0]!.messages[1]!.content).toContain("\nPriya: I'll write the retry policy.\n");
    expect(fake.requests[0]!.messages[1]!.content).toContain("\nAna Souza: Someone should");
    expect(summary.actionItems.map((item) => item.owner)).toEqual(["Priya Raman", "Ana", "the SRE team"]);
  });

  it("label every piece of a message cut in parts, and each request stays within the budget", async () => {
    const { fake } = server;
    fake.answerWith(() => ({ content: DEFAULT_MODEL_SUMMARY }));
    const words = Array.from({ length: 4_000 }, (_, i) => `w${i}`).join(" ");
    const thread = buildSummaryInput([
      ["Priya Raman", "short one"],
      ["Bob Lee", words],
    ]);
    await modelSummarizer(fake, { contextTokens: BUDGET, maxParts: 100 }).summarize(thread);
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
    for (const request of fake.requests) {
      expect(request.promptTokens + Number(request.body.max_completion_tokens)).toBeLessThanOrEqual(BUDGET);
    }
    const prompts = fake.requests.map((r) => r.messages[1]!.content).filter((u) => u.includes("<thread>"));
    expect(prompts.length).toBeGreaterThan(2);
    expect(prompts.slice(1).every((u) => u.includes("\nBob (continued): w"))).toBe(true);
    expect(prompts.join("")).not.toContain("Bob Lee");
  });
});
