/** The fake answers like the real Chat Completions API, so the SDK and the summarizer see real shapes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai.js";

const KEY = "sk-fake-test";

describe("the fake OpenAI server", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: KEY, contextWindow: 1_000 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  const post = (body: unknown, key = KEY) =>
    fetch(`${fake.url}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const chat = {
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "hi" }],
    max_completion_tokens: 100,
  };

  it("answers a chat.completion with the content, refusal, finish reason and usage", async () => {
    fake.queue({ content: { ok: true } });
    const response = await post(chat);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      object: "chat.completion",
      model: "gpt-4o-mini",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: '{"ok":true}', refusal: null },
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: fake.requests.at(-1)!.promptTokens },
    });
  });

  it("answers a refusal with null content, and a cut-off answer with finish_reason length", async () => {
    fake.queue({ refusal: "I can't help with that." }, { truncated: { title: "abcdefgh" } });
    const refused = await (await post(chat)).json();
    expect(refused.choices[0].message).toMatchObject({ content: null, refusal: "I can't help with that." });
    const cut = await (await post(chat)).json();
    expect(cut.choices[0].finish_reason).toBe("length");
    expect(() => JSON.parse(cut.choices[0].message.content)).toThrow();
  });

  it("answers 429 with retry-after and an error body, as the API does", async () => {
    fake.queue({ status: 429 });
    const response = await post(chat);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({
      error: {
        message: "Rate limit reached for requests. Please try again in 1s.",
        type: "requests",
        param: null,
        code: "rate_limit_exceeded",
      },
    });
  });

  it("rejects a wrong key, an unknown path, and a request over its context window", async () => {
    expect((await post(chat, "sk-wrong")).status).toBe(401);
    expect((await fetch(`${fake.url}/completions`, { method: "POST", body: "{}" })).status).toBe(404);
    const tooLong = await post({ ...chat, max_completion_tokens: 5_000 });
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.code).toBe("context_length_exceeded");
  });
});
