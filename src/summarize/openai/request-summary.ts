/** One structured-output request to an OpenAI-compatible server, with threadport's own retries. */
import type OpenAI from "openai";
import { type RetryPolicy, retryWithBackoff } from "../../util/retry-with-backoff.js";
import type { ThreadSummary } from "../summarizer.js";
import type { ChatPrompt } from "./build-prompts.js";
import { isRetryable, ModelSummaryError, retryAfterMs, toModelSummaryError } from "./model-failure.js";
import { SUMMARY_FORMAT, toThreadSummary } from "./summary-schema.js";

export interface RequestSettings {
  client: OpenAI;
  model: string;
  /** Cap on the answer's tokens. */
  outputTokens: number;
  /** OpenAI's own API wants max_completion_tokens; older compatible servers (Ollama, vLLM) read max_tokens. */
  outputTokensParam: "max_completion_tokens" | "max_tokens";
  /** Per HTTP attempt. */
  timeoutMs: number;
  retry: RetryPolicy;
  /** Aborts everything (the deadline of the whole summary). */
  signal: AbortSignal;
  /** Name written into the summary, e.g. "openai (gpt-4o-mini)". */
  label: string;
  /** Waits between attempts; tests pass one that records the delays instead of waiting. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export async function requestSummary(
  prompt: ChatPrompt,
  settings: RequestSettings,
  usage: Usage,
): Promise<ThreadSummary> {
  try {
    return await retryWithBackoff(
      () => requestOnce(prompt, settings, usage),
      (error) => {
        const failure = toModelSummaryError(error);
        return {
          retry: !settings.signal.aborted && isRetryable(failure),
          retryAfterMs: retryAfterMs(failure),
        };
      },
      settings.retry,
      (ms) => (settings.sleep ?? sleep)(ms, settings.signal),
    );
  } catch (error) {
    throw toModelSummaryError(error);
  }
}

async function requestOnce(
  prompt: ChatPrompt,
  settings: RequestSettings,
  usage: Usage,
): Promise<ThreadSummary> {
  // The SDK never removes the listener it adds to a signal: give it one per request, tied to the deadline.
  const attempt = new AbortController();
  const abort = () => attempt.abort(settings.signal.reason);
  if (settings.signal.aborted) abort();
  settings.signal.addEventListener("abort", abort, { once: true });
  try {
    return await parseAnswer(prompt, settings, usage, attempt.signal);
  } finally {
    settings.signal.removeEventListener("abort", abort);
  }
}

async function parseAnswer(
  prompt: ChatPrompt,
  settings: RequestSettings,
  usage: Usage,
  signal: AbortSignal,
): Promise<ThreadSummary> {
  const completion = await settings.client.chat.completions.parse(
    {
      model: settings.model,
      messages: [
        { role: "system", content: prompt.system },
        { role: "user", content: prompt.user },
      ],
      response_format: SUMMARY_FORMAT,
      [settings.outputTokensParam]: settings.outputTokens,
    },
    // The SDK's own retries sleep as long as any Retry-After says, without a cap: threadport retries instead.
    { timeout: settings.timeoutMs, maxRetries: 0, signal },
  );
  usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
  usage.completionTokens += completion.usage?.completion_tokens ?? 0;
  const message = completion.choices[0]?.message;
  if (!message) throw new ModelSummaryError("invalid_output", "empty answer");
  if (message.refusal) throw new ModelSummaryError("refused", "the model refused");
  if (!message.parsed) throw new ModelSummaryError("invalid_output", "empty answer");
  const summary = toThreadSummary(message.parsed, settings.label);
  if (!summary.title || !summary.summary)
    throw new ModelSummaryError("invalid_output", "empty title or summary");
  return summary;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
