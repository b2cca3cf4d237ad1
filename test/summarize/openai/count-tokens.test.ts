import { describe, expect, it } from "vitest";
import { countPromptTokens, countTokens } from "../../../src/summarize/openai/count-tokens.js";

describe("token estimates", () => {
  it("counts with the GPT-4o tokenizer", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("hello world")).toBe(2);
  });

  it("treats special-token text in a thread as ordinary text instead of failing", () => {
    expect(countTokens("see <|endoftext|> here")).toBeGreaterThan(3);
  });

  it("adds the chat framing and the response format to a prompt's count", () => {
    const text = countTokens("hello world");
    expect(countPromptTokens({ messages: [{ content: "hello world" }], schemaJson: "" })).toBe(text + 4 + 3);
    expect(countPromptTokens({ messages: [{ content: "" }], schemaJson: "hello world" })).toBe(text + 4 + 3);
  });
});
