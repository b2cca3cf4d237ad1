/**
 * A model summary must never block an export: when the primary summarizer fails for any reason (timeout,
 * rate limit, server error, refusal, cut-off or invalid answer), the fallback (offline) summarizer writes
 * the summary instead, the issue says so, and the log says why, without any message text.
 */
import type { Log } from "../util/logger.js";
import { ModelSummaryError } from "./openai/model-failure.js";
import type { Summarizer, SummaryInput, ThreadSummary } from "./summarizer.js";

export class FallbackSummarizer implements Summarizer {
  readonly name: string;

  constructor(
    private readonly primary: Summarizer,
    private readonly fallback: Summarizer,
    private readonly log: Log,
  ) {
    this.name = primary.name;
  }

  async summarize(input: SummaryInput): Promise<ThreadSummary> {
    try {
      return await this.primary.summarize(input);
    } catch (error) {
      const failure = describeFailure(error);
      this.log.warn(
        {
          summarizer: this.primary.name,
          code: failure.code,
          reason: failure.reason,
          ...failure.details,
          messages: input.messages.length,
        },
        `the ${this.primary.name} summarizer failed; the ${this.fallback.name} summarizer wrote the summary`,
      );
      const summary = await this.fallback.summarize(input);
      return { ...summary, note: `the model failed: ${failure.reason}` };
    }
  }
}

function describeFailure(error: unknown): {
  code: string;
  reason: string;
  details: Record<string, string | number | undefined>;
} {
  if (error instanceof ModelSummaryError)
    return { code: error.code, reason: error.reason, details: error.details };
  // A bug rather than the model: keep the name (never the message, which could quote the thread).
  return {
    code: "internal",
    reason: "unexpected error",
    details: { error: error instanceof Error ? error.name : typeof error },
  };
}
