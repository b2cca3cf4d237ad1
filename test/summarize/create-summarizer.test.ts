import { describe, expect, it } from "vitest";
import { createSummarizer } from "../../src/summarize/create-summarizer.js";
import { FallbackSummarizer } from "../../src/summarize/fallback-summarizer.js";
import { OfflineSummarizer } from "../../src/summarize/offline-summarizer.js";
import { memoryLog } from "./openai/with-fake-model.js";

const summary = { contextTokens: 30_000, requestTimeoutMs: 60_000 };

describe("choosing the summarizer from the configuration", () => {
  it("is offline when neither OPENAI_API_KEY nor OPENAI_BASE_URL is set", async () => {
    expect(await createSummarizer({ openai: { model: "gpt-4o-mini" }, summary }, memoryLog())).toBeInstanceOf(
      OfflineSummarizer,
    );
  });

  it("is the model, falling back to offline, with an API key", async () => {
    const chosen = await createSummarizer(
      { openai: { apiKey: "sk-x", model: "gpt-4o-mini" }, summary },
      memoryLog(),
    );
    expect(chosen).toBeInstanceOf(FallbackSummarizer);
    expect(chosen.name).toBe("openai");
  });

  it("is the model, falling back to offline, with only a base URL (a local server needs no key)", async () => {
    const chosen = await createSummarizer(
      { openai: { baseUrl: "http://127.0.0.1:11434/v1", model: "llama3.1" }, summary },
      memoryLog(),
    );
    expect(chosen).toBeInstanceOf(FallbackSummarizer);
  });
});
