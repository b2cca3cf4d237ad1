import { describe, expect, it } from "vitest";
import { chunkBlocks, splitText } from "../../../src/summarize/openai/chunk-thread.js";
import { countTokens } from "../../../src/summarize/openai/count-tokens.js";
import { formatMessages } from "../../../src/summarize/openai/format-thread.js";
import { buildSummaryInput } from "../build-summary-input.js";

describe("chunking a long thread", () => {
  it("puts every message in exactly one chunk, in order, each chunk within the budget", () => {
    const input = buildSummaryInput(
      Array.from({ length: 200 }, (_, i) => [
        i % 3 === 0 ? "Alice" : "Bob",
        `m${i}x ${"words of the thread ".repeat(1 + (i % 7))}`,
      ]),
    );
    const chunks = chunkBlocks(formatMessages(input.messages), input.messages, 300);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(countTokens(chunk.blocks.map((b) => b.text).join(""))).toBeLessThanOrEqual(300);
    }
    expect(chunks.flatMap((c) => c.blocks.map((b) => b.index))).toEqual(input.messages.map((_, i) => i));
  });

  it("cuts a message longer than the budget into labelled pieces that hold all of its text once", () => {
    const words = Array.from({ length: 3_000 }, (_, i) => `w${i}`);
    const input = buildSummaryInput([
      ["Alice", "short one"],
      ["Bob", `${words.slice(0, 1_500).join(" ")}\n${words.slice(1_500).join(" ")}`],
    ]);
    const chunks = chunkBlocks(formatMessages(input.messages), input.messages, 500);
    const texts = chunks.flatMap((c) => c.blocks.map((b) => b.text));
    expect(texts[1]).toMatch(/^Bob: w0 w1 /);
    expect(texts.slice(2).every((t) => t.startsWith("Bob (continued): "))).toBe(true);
    const sent = texts.join(" ").match(/\bw\d+\b/g);
    expect(sent).toEqual(words);
    for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(500);
  });

  it("splits text without spaces, and never inside a surrogate pair", () => {
    const text = "😀".repeat(2_000);
    const pieces = splitText(text, 100);
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) {
      expect(countTokens(piece)).toBeLessThanOrEqual(100);
      expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});
