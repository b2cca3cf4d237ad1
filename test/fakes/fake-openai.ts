/**
 * A local fake of OpenAI's Chat Completions API (`POST /v1/chat/completions`), for the model summarizer's
 * tests. It records every request and answers as the real API does: a `chat.completion` object whose
 * `choices[0].message` has `content` (the structured JSON, as a string), `refusal` and `finish_reason`,
 * with `usage`; errors as `{ error: { message, type, param, code } }`, 429 with `retry-after`, and a 400
 * `context_length_exceeded` past its context window. Tests script answers: JSON, refusals, answers cut
 * off at the token limit, malformed or schema-invalid content, errors and slow answers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { sendJson, startServer } from "./http-helpers.js";

export interface ChatMessage {
  role: string;
  content: string;
}

export interface RecordedOpenAIRequest {
  model: string;
  messages: ChatMessage[];
  /** The whole JSON body as sent (response_format, max_completion_tokens…). */
  body: Record<string, unknown>;
  authorization?: string;
  /** Prompt tokens as the fake counted them (o200k_base, messages and response format). */
  promptTokens: number;
  status: number;
  at: number;
}

/** What the fake answers to one request. */
export type FakeOpenAIAnswer =
  /** A completed answer; an object is sent as its JSON text, a string as it is. */
  | { content: unknown }
  | { refusal: string }
  /** finish_reason "length": the JSON stops half-way, as when max tokens run out. */
  | { truncated: unknown }
  /** finish_reason "content_filter": the answer was withheld. */
  | { filtered: true }
  | { status: number; error?: Partial<OpenAIErrorBody>; headers?: Record<string, string> }
  | { delayMs: number; answer: FakeOpenAIAnswer };

export interface OpenAIErrorBody {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

export type Responder = (request: RecordedOpenAIRequest) => FakeOpenAIAnswer | Promise<FakeOpenAIAnswer>;

export interface FakeOpenAIOptions {
  /** When set, requests need `Authorization: Bearer <apiKey>` (401 invalid_api_key otherwise). */
  apiKey?: string;
  /** Prompt plus max completion tokens above which the fake answers 400 context_length_exceeded. */
  contextWindow?: number;
}

export interface FakeOpenAI {
  /** Base URL for the SDK / OPENAI_BASE_URL, e.g. "http://127.0.0.1:41234/v1". */
  url: string;
  readonly requests: RecordedOpenAIRequest[];
  /** Answers every request not answered by the queue. */
  answerWith(responder: Responder): void;
  /** Answers the next requests, in order, before the responder. */
  queue(...answers: FakeOpenAIAnswer[]): void;
  close(): Promise<void>;
}

export const DEFAULT_MODEL_SUMMARY = {
  title: "Model title",
  summary: "Model summary.",
  decisions: [],
  action_items: [],
  open_questions: [],
};

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: RecordedOpenAIRequest[] = [];
  const queued: FakeOpenAIAnswer[] = [];
  let responder: Responder = () => ({ content: DEFAULT_MODEL_SUMMARY });
  let ids = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: string) => {
    if (req.method !== "POST" || req.url?.split("?")[0] !== "/v1/chat/completions") {
      return sendError(res, 404, {
        message: `Invalid URL (${req.method} ${req.url})`,
        type: "invalid_request_error",
      });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return sendError(res, 400, {
        message: "We could not parse the JSON body of your request.",
        type: "invalid_request_error",
      });
    }
    const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
    const promptTokens =
      3 +
      messages.reduce((sum, m) => sum + 4 + count(String(m.content ?? "")), 0) +
      count(body.response_format ? JSON.stringify(body.response_format) : "");
    const request: RecordedOpenAIRequest = {
      model: String(body.model ?? ""),
      messages,
      body,
      authorization: req.headers.authorization,
      promptTokens,
      status: 200,
      at: Date.now(),
    };
    requests.push(request);
    const fail = (status: number, error: Partial<OpenAIErrorBody>, headers?: Record<string, string>) => {
      request.status = status;
      sendError(res, status, error, headers);
    };
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return fail(401, {
        message:
          "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        type: "invalid_request_error",
        code: "invalid_api_key",
      });
    }
    if (!request.model || messages.length === 0) {
      return fail(400, {
        message: !request.model ? "you must provide a model parameter" : "[] is too short - 'messages'",
        type: "invalid_request_error",
        param: !request.model ? null : "messages",
      });
    }
    const maxOutput = Number(body.max_completion_tokens ?? body.max_tokens ?? 0);
    if (options.contextWindow !== undefined && promptTokens + maxOutput > options.contextWindow) {
      return fail(400, {
        message: `This model's maximum context length is ${options.contextWindow} tokens. However, you requested ${promptTokens + maxOutput} tokens (${promptTokens} in the messages, ${maxOutput} in the completion). Please reduce the length of the messages or completion.`,
        type: "invalid_request_error",
        param: "messages",
        code: "context_length_exceeded",
      });
    }
    let answer = queued.shift() ?? (await responder(request));
    while ("delayMs" in answer) {
      const { delayMs, answer: next } = answer;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (res.destroyed || req.socket.destroyed) return; // the client gave up (timeout)
      answer = next;
    }
    if ("status" in answer) {
      return fail(
        answer.status,
        { ...defaultError(answer.status), ...answer.error },
        {
          ...(answer.status === 429 ? { "retry-after": "1" } : {}),
          ...answer.headers,
        },
      );
    }
    ids++;
    sendJson(res, 200, completion(`chatcmpl-fake${String(ids).padStart(6, "0")}`, request, answer), {
      "x-request-id": `req_fake${ids}`,
    });
  };

  const server = await startServer(handle);
  return {
    url: `${server.origin}/v1`,
    requests,
    answerWith(next) {
      responder = next;
    },
    queue(...answers) {
      queued.push(...answers);
    },
    close: () => server.close(),
  };
}

function completion(
  id: string,
  request: RecordedOpenAIRequest,
  answer: Exclude<FakeOpenAIAnswer, { status: number } | { delayMs: number }>,
) {
  let content: string | null = null;
  let refusal: string | null = null;
  let finishReason = "stop";
  if ("refusal" in answer) refusal = answer.refusal;
  else if ("filtered" in answer) finishReason = "content_filter";
  else if ("truncated" in answer) {
    const full = asText(answer.truncated);
    content = full.slice(0, Math.floor(full.length / 2));
    finishReason = "length";
  } else content = asText(answer.content);
  const completionTokens = count(content ?? refusal ?? "");
  return {
    id,
    object: "chat.completion",
    created: Math.floor(request.at / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content, refusal, annotations: [] },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: {
      prompt_tokens: request.promptTokens,
      completion_tokens: completionTokens,
      total_tokens: request.promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: "default",
    system_fingerprint: "fp_fake",
  };
}

function defaultError(status: number): Partial<OpenAIErrorBody> {
  if (status === 429) {
    return {
      message: "Rate limit reached for requests. Please try again in 1s.",
      type: "requests",
      code: "rate_limit_exceeded",
    };
  }
  if (status === 503) {
    return { message: "The engine is currently overloaded, please try again later.", type: "server_error" };
  }
  if (status >= 500) {
    return {
      message: "The server had an error while processing your request. Sorry about that!",
      type: "server_error",
    };
  }
  return { message: "Bad request.", type: "invalid_request_error" };
}

function sendError(
  res: ServerResponse,
  status: number,
  error: Partial<OpenAIErrorBody>,
  headers: Record<string, string> = {},
) {
  sendJson(
    res,
    status,
    { error: { message: "", type: "invalid_request_error", param: null, code: null, ...error } },
    headers,
  );
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function count(text: string): number {
  return text ? countTokens(text, { disallowedSpecial: new Set() }) : 0;
}
