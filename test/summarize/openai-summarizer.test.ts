/** The model summarizer against the fake OpenAI server: what it sends, and what it makes of the answer. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ModelSummaryError } from "../../src/summarize/openai/model-failure.js";
import { DEFAULT_MODEL_SUMMARY, type FakeOpenAI, startFakeOpenAI } from "../fakes/fake-openai.js";
import { buildSummaryInput } from "./build-summary-input.js";
import { modelSummarizer, TEST_API_KEY } from "./openai/with-fake-model.js";

const DESIGN_THREAD = buildSummaryInput(
  [
    ["Alice", "Should the export retry on GitLab 429s, or give up and tell the user?"],
    ["Bob", "Retry, but honour `Retry-After`:\n```\nawait sleep(retryAfter);\n```"],
    ["Priya", "`@Bob` how many attempts?"],
    ["Bob", "4 attempts, capped at 30 s each."],
    ["Alice", "Agreed, let's go with 4 attempts and a 30 s cap."],
    ["Priya", "I'll write the retry policy this week."],
    { author: "CI", text: "build #88 passed", isBot: true },
  ],
  "design-review",
);

describe("the OpenAI summarizer", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: TEST_API_KEY });
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.answerWith(() => ({ content: DEFAULT_MODEL_SUMMARY }));
  });

  it("sends one structured-output request with the model, the schema and a cap on the answer", async () => {
    await modelSummarizer(fake).summarize(DESIGN_THREAD);
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(request.model).toBe("gpt-4o-mini");
    expect(request.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(request.body.max_completion_tokens).toBe(3_750);
    expect(request.body.response_format).toMatchObject({
      type: "json_schema",
      json_schema: {
        name: "thread_summary",
        strict: true,
        schema: {
          required: ["title", "summary", "decisions", "action_items", "open_questions"],
          additionalProperties: false,
        },
      },
    });
  });

  it("sends the thread as delimited data, exactly as reviewed", async () => {
    await modelSummarizer(fake).summarize(DESIGN_THREAD);
    const [system, user] = fake.requests[0]!.messages;
    await expect(`${system!.content}\n\n---\n\n${user!.content}\n`).toMatchFileSnapshot(
      "__snapshots__/design-review-prompt.txt",
    );
  });

  it("turns the answer into the summary: owners where named, tidy text, and the model's name", async () => {
    fake.queue({
      content: {
        title: "  Retry policy for GitLab 429s \n",
        summary: "Bob proposed retrying.\nThe team agreed on 4 attempts.",
        decisions: ["4 attempts, 30 s cap", "  "],
        action_items: [
          { owner: "Priya", task: "Write the retry policy" },
          { owner: null, task: "Check Slack's 429s" },
        ],
        open_questions: ["Does Slack need the same?"],
      },
    });
    const summary = await modelSummarizer(fake).summarize(DESIGN_THREAD);
    expect(summary).toEqual({
      title: "Retry policy for GitLab 429s",
      summary: "Bob proposed retrying.\nThe team agreed on 4 attempts.",
      decisions: ["4 attempts, 30 s cap"],
      actionItems: [
        { owner: "Priya", text: "Write the retry policy" },
        { owner: undefined, text: "Check Slack's 429s" },
      ],
      openQuestions: ["Does Slack need the same?"],
      summarizer: "openai (gpt-4o-mini)",
    });
  });

  it("caps what a verbose model writes", async () => {
    fake.queue({
      content: {
        ...DEFAULT_MODEL_SUMMARY,
        title: "t".repeat(1_000),
        decisions: Array.from({ length: 40 }, (_, i) => `decision ${i}`),
      },
    });
    const summary = await modelSummarizer(fake).summarize(DESIGN_THREAD);
    expect(summary.title.length).toBeLessThanOrEqual(200);
    expect(summary.decisions).toHaveLength(15);
  });

  it("asks OpenAI-compatible servers for max_tokens and names them so", async () => {
    const summary = await modelSummarizer(fake, { officialApi: false, model: "llama3.1" }).summarize(
      DESIGN_THREAD,
    );
    expect(fake.requests[0]!.body.max_tokens).toBe(3_750);
    expect(fake.requests[0]!.body).not.toHaveProperty("max_completion_tokens");
    expect(summary.summarizer).toBe("openai-compatible (llama3.1)");
  });

  it("rejects a context budget too small to hold a prompt", () => {
    expect(() => modelSummarizer(fake, { contextTokens: 1_000 })).toThrow(RangeError);
  });

  it("gives up before sending anything when a thread needs more parts than allowed", async () => {
    const long = buildSummaryInput(
      Array.from({ length: 400 }, (_, i) => ["Alice", `message ${i} `.repeat(10)]),
    );
    const failure = await modelSummarizer(fake, { contextTokens: 2_000, maxParts: 3 })
      .summarize(long)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelSummaryError);
    expect((failure as ModelSummaryError).code).toBe("too_long");
    expect(fake.requests).toHaveLength(0);
  });
});
