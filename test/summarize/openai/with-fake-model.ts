/** Builds the model summarizer against the fake OpenAI server, with a log that tests can read. */
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { FallbackSummarizer } from "../../../src/summarize/fallback-summarizer.js";
import { OfflineSummarizer } from "../../../src/summarize/offline-summarizer.js";
import { OpenAISummarizer, type OpenAISummarizerOptions } from "../../../src/summarize/openai-summarizer.js";
import type { Log } from "../../../src/util/logger.js";
import { type FakeOpenAI, type FakeOpenAIOptions, startFakeOpenAI } from "../../fakes/fake-openai.js";

export const TEST_API_KEY = "sk-test-0000000000000000000000";

export interface LogEntry {
  level: string;
  obj: Record<string, unknown>;
  msg?: string;
}

/** A Log that keeps what is written, children included. */
export function memoryLog(
  entries: LogEntry[] = [],
  bindings: Record<string, unknown> = {},
): Log & { entries: LogEntry[] } {
  const write = (level: string) => (obj: object, msg?: string) =>
    void entries.push({ level, obj: { ...bindings, ...obj }, msg });
  return {
    entries,
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    child: (more) => memoryLog(entries, { ...bindings, ...more }),
  };
}

export function modelSummarizer(
  fake: FakeOpenAI,
  options: Partial<OpenAISummarizerOptions> = {},
): OpenAISummarizer {
  return new OpenAISummarizer({
    client: new OpenAI({ apiKey: TEST_API_KEY, baseURL: fake.url, maxRetries: 0 }),
    model: "gpt-4o-mini",
    officialApi: true,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 2_000 },
    ...options,
  });
}

/** The model summarizer with the offline fallback, as start-threadport builds it. */
export function fallbackSummarizer(
  fake: FakeOpenAI,
  log: Log,
  options: Partial<OpenAISummarizerOptions> = {},
): FallbackSummarizer {
  return new FallbackSummarizer(modelSummarizer(fake, { log, ...options }), new OfflineSummarizer(), log);
}

/** Starts a fake OpenAI server for the enclosing describe block, with its recorded requests cleared per test. */
export function useFakeOpenAI(options: FakeOpenAIOptions = {}): { readonly fake: FakeOpenAI } {
  const holder = {} as { fake: FakeOpenAI };
  beforeAll(async () => {
    holder.fake = await startFakeOpenAI(options);
  });
  afterAll(async () => {
    await holder.fake?.close();
  });
  beforeEach(() => {
    holder.fake.requests.length = 0;
  });
  return holder;
}
