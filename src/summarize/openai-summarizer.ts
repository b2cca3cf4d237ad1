/**
 * Summarizes with an OpenAI-compatible chat model (OpenAI, or Ollama, vLLM, LiteLLM through a base URL),
 * using structured output checked with zod. Every request stays within a context budget: a thread that
 * does not fit in one request is summarized in parts, and the parts' summaries are then merged. Failures
 * throw a ModelSummaryError; FallbackSummarizer turns them into the offline summary.
 */
import type OpenAI from "openai";
import type { Log } from "../util/logger.js";
import type { RetryPolicy } from "../util/retry-with-backoff.js";
import { type AuthorLabels, authorLabels } from "./openai/author-labels.js";
import {
  type ChatPrompt,
  formatPartSummary,
  mergePrompt,
  type ThreadFacts,
  threadPrompt,
} from "./openai/build-prompts.js";
import { chunkBlocks } from "./openai/chunk-thread.js";
import { countPromptTokens, countTokens } from "./openai/count-tokens.js";
import { formatMessages } from "./openai/format-thread.js";
import { ModelSummaryError } from "./openai/model-failure.js";
import { type RequestSettings, requestSummary, type Usage } from "./openai/request-summary.js";
import { SUMMARY_FORMAT_JSON } from "./openai/summary-schema.js";
import type { Summarizer, SummaryInput, ThreadSummary } from "./summarizer.js";

export interface OpenAISummarizerOptions {
  client: OpenAI;
  model: string;
  /** Most tokens one request may use, prompt and answer together (default 30,000). */
  contextTokens?: number;
  /** Per HTTP attempt (default 60 s). */
  requestTimeoutMs?: number;
  /** For the whole summary, every part and retry included (default 10 × the request timeout). */
  deadlineMs?: number;
  /** Most parts a thread may be cut into; a longer thread fails as too_long (default 40). */
  maxParts?: number;
  retry?: RetryPolicy;
  /** True for OpenAI's own API (max_completion_tokens), false for other compatible servers (max_tokens). */
  officialApi?: boolean;
  log?: Log;
  /** Waits between attempts (tests record the delays instead of waiting). */
  sleep?: RequestSettings["sleep"];
}

export const DEFAULT_CONTEXT_TOKENS = 30_000;
/** Below this, prompts and answers no longer fit with room for the thread. */
export const MIN_CONTEXT_TOKENS = 2_000;
const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 20_000 };
/** The greedy packing adds block counts; joined text can tokenize a little differently. */
const PACKING_MARGIN = 0.98;

/** How a context budget is shared: an eighth for the answer (256 to 4,096 tokens), the rest for the prompt. */
export function splitBudget(contextTokens: number): { prompt: number; output: number } {
  const output = Math.min(4_096, Math.max(256, Math.floor(contextTokens / 8)));
  return { prompt: contextTokens - output, output };
}

export class OpenAISummarizer implements Summarizer {
  readonly name = "openai";
  private readonly label: string;
  private readonly contextTokens: number;
  private readonly budget: { prompt: number; output: number };

  constructor(private readonly options: OpenAISummarizerOptions) {
    this.contextTokens = options.contextTokens ?? DEFAULT_CONTEXT_TOKENS;
    if (this.contextTokens < MIN_CONTEXT_TOKENS) {
      throw new RangeError(`contextTokens must be at least ${MIN_CONTEXT_TOKENS}`);
    }
    this.budget = splitBudget(this.contextTokens);
    this.label = `${options.officialApi === false ? "openai-compatible" : "openai"} (${options.model})`;
  }

  async summarize(input: SummaryInput): Promise<ThreadSummary> {
    const started = performance.now();
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    const usage: Usage = { promptTokens: 0, completionTokens: 0 };
    const run = new Run(
      this.budget.prompt,
      {
        client: this.options.client,
        model: this.options.model,
        outputTokens: this.budget.output,
        outputTokensParam: this.options.officialApi === false ? "max_tokens" : "max_completion_tokens",
        timeoutMs,
        retry: this.options.retry ?? DEFAULT_RETRY,
        signal: AbortSignal.timeout(this.options.deadlineMs ?? timeoutMs * 10),
        label: this.label,
        sleep: this.options.sleep,
      },
      usage,
    );
    const facts: ThreadFacts = { channelName: input.channelName, messageCount: input.messages.length };
    const labels = authorLabels(input.messages);
    const summary = withFullOwners(await this.summarizeThread(input, facts, labels, run), labels);
    this.options.log?.info(
      {
        model: this.options.model,
        messages: input.messages.length,
        requests: run.requests,
        sentTokens: run.sentTokens,
        usage,
        ms: Math.round(performance.now() - started),
      },
      "summarized the thread with the model",
    );
    return summary;
  }

  private async summarizeThread(
    input: SummaryInput,
    facts: ThreadFacts,
    labels: AuthorLabels,
    run: Run,
  ): Promise<ThreadSummary> {
    const blocks = formatMessages(input.messages, labels.of);
    const whole = threadPrompt(facts, blocks.map((b) => b.text).join(""));
    if (run.fits(whole)) return run.request(whole);

    // A part header with the most digits it can have, so every part's prompt is counted high, not low.
    const most = Math.max(99_999, input.messages.length);
    const worstHeader = { index: most, of: most, first: most, last: most };
    const room = Math.floor(
      (this.budget.prompt - run.count(threadPrompt(facts, "", worstHeader))) * PACKING_MARGIN,
    );
    const chunks = chunkBlocks(blocks, input.messages, room);
    const maxParts = this.options.maxParts ?? 40;
    if (chunks.length > maxParts) {
      throw new ModelSummaryError("too_long", `thread too long for the model (${chunks.length} parts)`, {
        parts: chunks.length,
        maxParts,
      });
    }
    const parts: ThreadSummary[] = [];
    for (const [i, chunk] of chunks.entries()) {
      const part = {
        index: i + 1,
        of: chunks.length,
        first: chunk.blocks[0]!.index + 1,
        last: chunk.blocks[chunk.blocks.length - 1]!.index + 1,
      };
      parts.push(await run.request(threadPrompt(facts, chunk.blocks.map((b) => b.text).join(""), part)));
    }
    return this.merge(parts, facts, run);
  }

  /** Merges part summaries; when they do not fit in one request, in rounds of neighbouring groups. */
  private async merge(parts: ThreadSummary[], facts: ThreadFacts, run: Run): Promise<ThreadSummary> {
    let summaries = parts;
    for (;;) {
      const texts = summaries.map((s, i) => formatPartSummary(i + 1, s));
      const all = mergePrompt(facts, texts.join(""));
      if (run.fits(all)) return run.request(all);
      const room = Math.floor((this.budget.prompt - run.count(mergePrompt(facts, ""))) * PACKING_MARGIN);
      const groups = groupByTokens(texts, room);
      if (groups.length >= summaries.length) {
        throw new ModelSummaryError("too_long", "part summaries too long to merge", {
          parts: summaries.length,
        });
      }
      const next: ThreadSummary[] = [];
      for (const group of groups) {
        next.push(
          group.length === 1
            ? summaries[group[0]!]!
            : await run.request(mergePrompt(facts, group.map((i) => texts[i]).join(""))),
        );
      }
      summaries = next;
    }
  }
}

/** The model names owners as the transcript does, by first name where that was unique: write them in full. */
function withFullOwners(summary: ThreadSummary, labels: AuthorLabels): ThreadSummary {
  return {
    ...summary,
    actionItems: summary.actionItems.map((item) =>
      item.owner ? { ...item, owner: labels.expand(item.owner) } : item,
    ),
  };
}

/** One summary's requests: counts what is sent and refuses any prompt over the budget. */
class Run {
  requests = 0;
  sentTokens = 0;

  constructor(
    private readonly promptBudget: number,
    private readonly settings: RequestSettings,
    private readonly usage: Usage,
  ) {}

  count(prompt: ChatPrompt): number {
    return countPromptTokens({
      messages: [{ content: prompt.system }, { content: prompt.user }],
      schemaJson: SUMMARY_FORMAT_JSON,
    });
  }

  fits(prompt: ChatPrompt): boolean {
    return this.count(prompt) <= this.promptBudget;
  }

  async request(prompt: ChatPrompt): Promise<ThreadSummary> {
    const tokens = this.count(prompt);
    if (tokens > this.promptBudget) {
      throw new ModelSummaryError("too_long", "a request would exceed the context budget", { tokens });
    }
    this.requests++;
    this.sentTokens += tokens;
    return requestSummary(prompt, this.settings, this.usage);
  }
}

/** Indexes of neighbouring texts grouped so that each group's tokens stay within room. */
function groupByTokens(texts: string[], room: number): number[][] {
  const groups: number[][] = [];
  let used = 0;
  for (const [i, text] of texts.entries()) {
    const tokens = countTokens(text);
    const last = groups[groups.length - 1];
    if (last && used + tokens <= room) {
      last.push(i);
      used += tokens;
    } else {
      groups.push([i]);
      used = tokens;
    }
  }
  return groups;
}
