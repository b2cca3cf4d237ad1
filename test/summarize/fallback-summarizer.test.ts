/** Every way a model summary can fail ends in the offline summary, with the reason in the issue and the log. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FallbackSummarizer } from "../../src/summarize/fallback-summarizer.js";
import { OfflineSummarizer } from "../../src/summarize/offline-summarizer.js";
import type { Summarizer } from "../../src/summarize/summarizer.js";
import {
  DEFAULT_MODEL_SUMMARY,
  type FakeOpenAI,
  type FakeOpenAIAnswer,
  startFakeOpenAI,
} from "../fakes/fake-openai.js";
import { buildSummaryInput } from "./build-summary-input.js";
import { fallbackSummarizer, memoryLog } from "./openai/with-fake-model.js";

const noWait = async () => {};
const SECRET_PHRASE = "the launch code is tangerine";
const THREAD = buildSummaryInput([
  ["Alice", `Should we ship on Friday? ${SECRET_PHRASE}`],
  ["Bob", "Let's go with Monday instead."],
  ["Alice", "Agreed."],
  ["Bob", "I'll tell the customer."],
]);

describe("falling back to the offline summary", () => {
  let fake: FakeOpenAI;
  let offline: Awaited<ReturnType<OfflineSummarizer["summarize"]>>;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    offline = await new OfflineSummarizer().summarize(THREAD);
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.answerWith(() => ({ content: DEFAULT_MODEL_SUMMARY }));
  });

  const cases: {
    name: string;
    answers: FakeOpenAIAnswer[];
    reason: string;
    code: string;
    requests: number;
  }[] = [
    {
      name: "a timeout",
      answers: [{ delayMs: 2_000, answer: { content: DEFAULT_MODEL_SUMMARY } }],
      reason: "timeout",
      code: "timeout",
      requests: 1,
    },
    {
      name: "429 on every attempt",
      answers: [{ status: 429 }, { status: 429 }, { status: 429 }],
      reason: "rate limited (HTTP 429)",
      code: "rate_limited",
      requests: 3,
    },
    {
      name: "a 429 asking to wait longer than threadport waits",
      answers: [{ status: 429, headers: { "retry-after": "3600" } }],
      reason: "rate limited (HTTP 429)",
      code: "rate_limited",
      requests: 1,
    },
    {
      name: "500 on every attempt",
      answers: [{ status: 500 }, { status: 500 }, { status: 500 }],
      reason: "server error (HTTP 500)",
      code: "server_error",
      requests: 3,
    },
    {
      name: "503 on every attempt",
      answers: [{ status: 503 }, { status: 503 }, { status: 503 }],
      reason: "server error (HTTP 503)",
      code: "server_error",
      requests: 3,
    },
    {
      name: "a wrong API key",
      answers: [{ status: 401, error: { code: "invalid_api_key", message: "Incorrect API key provided." } }],
      reason: "request rejected (HTTP 401)",
      code: "rejected",
      requests: 1,
    },
    {
      name: "a refusal",
      answers: [{ refusal: "I'm sorry, I can't help with that." }],
      reason: "the model refused",
      code: "refused",
      requests: 1,
    },
    {
      name: "an answer cut off at the token limit",
      answers: [{ truncated: DEFAULT_MODEL_SUMMARY }],
      reason: "answer cut off at the token limit",
      code: "truncated",
      requests: 1,
    },
    {
      name: "an answer withheld by the content filter",
      answers: [{ filtered: true }],
      reason: "content filter",
      code: "content_filter",
      requests: 1,
    },
    {
      name: "content that is not JSON",
      answers: [{ content: "Sure! Here is the summary: {title: 'x'" }],
      reason: "answer was not valid JSON",
      code: "invalid_output",
      requests: 1,
    },
    {
      name: "JSON that does not match the schema",
      answers: [{ content: { title: 42, summary: "s", decisions: "none" } }],
      reason: "answer did not match the schema",
      code: "invalid_output",
      requests: 1,
    },
    {
      name: "an empty title and summary",
      answers: [{ content: { ...DEFAULT_MODEL_SUMMARY, title: " ", summary: "" } }],
      reason: "empty title or summary",
      code: "invalid_output",
      requests: 1,
    },
  ];

  for (const c of cases) {
    it(`uses the offline summary after ${c.name}, and says why`, async () => {
      fake.queue(...c.answers);
      const log = memoryLog();
      const summary = await fallbackSummarizer(fake, log, { requestTimeoutMs: 300, sleep: noWait }).summarize(
        THREAD,
      );
      expect(summary).toEqual({ ...offline, note: `the model failed: ${c.reason}` });
      expect(fake.requests).toHaveLength(c.requests);
      const warning = log.entries.find((e) => e.level === "warn");
      expect(warning?.obj).toMatchObject({ summarizer: "openai", code: c.code, reason: c.reason });
      expect(JSON.stringify(log.entries)).not.toContain("tangerine");
    });
  }

  it("uses the offline summary when the server cannot be reached", async () => {
    const closed = await startFakeOpenAI();
    await closed.close();
    const log = memoryLog();
    const summary = await fallbackSummarizer(closed, log).summarize(THREAD);
    expect(summary.note).toBe("the model failed: could not connect");
    expect(log.entries.find((e) => e.level === "warn")?.obj.code).toBe("unreachable");
  });

  it("stops at the deadline of the whole summary, retries included", async () => {
    // A server of its own: a request cut off by the deadline may still reach it after the test.
    const down = await startFakeOpenAI();
    down.answerWith(() => ({ status: 503 }));
    const log = memoryLog();
    const summary = await fallbackSummarizer(down, log, {
      deadlineMs: 200,
      retry: { attempts: 100, baseDelayMs: 50, maxDelayMs: 50 },
    }).summarize(THREAD);
    expect(summary.note).toBe("the model failed: timeout");
    expect(down.requests.length).toBeLessThan(100);
    await down.close();
  });

  it("retries a 429 after the delay the server asked for, then uses the model's summary", async () => {
    fake.queue(
      { status: 429, headers: { "retry-after": "2" } },
      { status: 503, headers: { "retry-after-ms": "750" } },
    );
    const delays: number[] = [];
    const log = memoryLog();
    const summary = await fallbackSummarizer(fake, log, {
      sleep: async (ms) => {
        delays.push(ms);
      },
    }).summarize(THREAD);
    expect(summary.summarizer).toBe("openai (gpt-4o-mini)");
    expect(summary.note).toBeUndefined();
    expect(fake.requests).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(2_000);
    expect(delays[1]).toBeGreaterThanOrEqual(750);
    const info = log.entries.find((e) => e.level === "info");
    expect(info?.obj).toMatchObject({ model: "gpt-4o-mini", requests: 1, messages: 4 });
    expect(JSON.stringify(log.entries)).not.toContain("tangerine");
  });

  it("falls back on an unexpected error too, naming only the error's type", async () => {
    const broken: Summarizer = {
      name: "openai",
      summarize: async () => {
        throw new TypeError(`cannot read ${SECRET_PHRASE}`);
      },
    };
    const log = memoryLog();
    const summary = await new FallbackSummarizer(broken, new OfflineSummarizer(), log).summarize(THREAD);
    expect(summary.note).toBe("the model failed: unexpected error");
    expect(log.entries[0]?.obj).toMatchObject({ code: "internal", error: "TypeError" });
    expect(JSON.stringify(log.entries)).not.toContain("tangerine");
  });

  it("keeps the model's name on its own summaries", async () => {
    const summary = await fallbackSummarizer(fake, memoryLog()).summarize(THREAD);
    expect(summary.summarizer).toBe("openai (gpt-4o-mini)");
    expect(fallbackSummarizer(fake, memoryLog()).name).toBe("openai");
  });
});
