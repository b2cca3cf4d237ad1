/** Picks the summarizer from the configuration: a model (with the offline one as fallback), or offline. */
import type { Log } from "../util/logger.js";
import { OfflineSummarizer } from "./offline-summarizer.js";
import type { Summarizer } from "./summarizer.js";

export interface SummarizerSettings {
  openai: { apiKey?: string; baseUrl?: string; model: string };
  summary: { contextTokens: number; requestTimeoutMs: number };
}

/**
 * OPENAI_API_KEY or OPENAI_BASE_URL set → the model, falling back to offline on any failure; else offline.
 * The model's modules are loaded only when configured: the tokenizer's tables alone take about 50 MB.
 */
export async function createSummarizer(
  settings: SummarizerSettings,
  log: Log,
  /** A metered fetch for the model's HTTP calls (src/ops/metrics.ts); default the global one. */
  modelFetch?: typeof fetch,
): Promise<Summarizer> {
  const offline = new OfflineSummarizer();
  const { apiKey, baseUrl, model } = settings.openai;
  if (!apiKey && !baseUrl) return offline;
  const [{ default: OpenAI }, { OpenAISummarizer }, { FallbackSummarizer }] = await Promise.all([
    import("openai"),
    import("./openai-summarizer.js"),
    import("./fallback-summarizer.js"),
  ]);
  const officialApi = !baseUrl || new URL(baseUrl).hostname === "api.openai.com";
  const client = new OpenAI({
    // Local servers (Ollama, vLLM) need no key, but the SDK insists on one.
    apiKey: apiKey ?? "not-needed",
    baseURL: baseUrl,
    timeout: settings.summary.requestTimeoutMs,
    maxRetries: 0,
    ...(modelFetch ? { fetch: modelFetch } : {}),
  });
  const summaryLog = log.child({ summarizer: "openai" });
  const modelSummarizer = new OpenAISummarizer({
    client,
    model,
    officialApi,
    contextTokens: settings.summary.contextTokens,
    requestTimeoutMs: settings.summary.requestTimeoutMs,
    log: summaryLog,
  });
  return new FallbackSummarizer(modelSummarizer, offline, summaryLog);
}
