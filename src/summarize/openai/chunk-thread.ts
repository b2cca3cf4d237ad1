/**
 * Splits a thread that is too long for one request into parts that each fit a token budget. Messages stay
 * whole and in order; a single message longer than the budget is cut into pieces (at line breaks, else
 * spaces, else anywhere), each piece labelled with its author. Every message's text lands in exactly one
 * part, so it is sent to the model once.
 */

import type { SummaryMessage } from "../summarizer.js";
import { countTokens } from "./count-tokens.js";
import { formatMessage, type MessageBlock, messageBody } from "./format-thread.js";

export interface Chunk {
  blocks: MessageBlock[];
  tokens: number;
}

/** Packs blocks greedily into chunks of at most maxTokens (block token counts add up; see the margin below). */
export function chunkBlocks(
  blocks: readonly MessageBlock[],
  messages: readonly SummaryMessage[],
  maxTokens: number,
): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { blocks: [], tokens: 0 };
  const add = (block: MessageBlock, tokens: number) => {
    if (current.blocks.length > 0 && current.tokens + tokens > maxTokens) {
      chunks.push(current);
      current = { blocks: [], tokens: 0 };
    }
    current.blocks.push(block);
    current.tokens += tokens;
  };
  for (const block of blocks) {
    const tokens = countTokens(block.text);
    if (tokens <= maxTokens) {
      add(block, tokens);
      continue;
    }
    for (const piece of splitBlock(block, messages[block.index]!, maxTokens))
      add(piece, countTokens(piece.text));
  }
  if (current.blocks.length > 0) chunks.push(current);
  return chunks;
}

/** Cuts one message into pieces that each fit maxTokens once formatted; the first keeps the date line. */
function splitBlock(block: MessageBlock, message: SummaryMessage, maxTokens: number): MessageBlock[] {
  const name = block.label;
  const dateLine = block.text.startsWith("-- ") ? block.text.slice(0, block.text.indexOf("\n") + 1) : "";
  const label = `${name} (continued)`;
  // Room for the label, the indentation of each line, and the date line.
  const room = Math.max(16, maxTokens - countTokens(`${dateLine}${label}: \n`) - 8);
  const segments = splitText(messageBody(message).replace(/\r\n?/g, "\n").trim(), room);
  return segments.map((segment, i) => ({
    index: block.index,
    label: name,
    text: i === 0 ? `${dateLine}${formatMessage(name, segment)}` : formatMessage(label, segment),
  }));
}

/** Splits text into segments of at most maxTokens each (indentation of continuation lines counted). */
export function splitText(text: string, maxTokens: number): string[] {
  const cost = (segment: string) => countTokens(segment) + (segment.match(/\n/g)?.length ?? 0);
  if (cost(text) <= maxTokens || text.length < 2) return [text];
  const cut = Math.min(text.length - 1, Math.max(1, cutPoint(text)));
  return [
    ...splitText(text.slice(0, cut).trimEnd(), maxTokens),
    ...splitText(text.slice(cut).trimStart(), maxTokens),
  ].filter((segment) => segment !== "");
}

/** Near the middle: at a line break, else at a space, else at a character boundary. */
function cutPoint(text: string): number {
  const middle = Math.floor(text.length / 2);
  const window = Math.floor(text.length / 4);
  for (const separator of ["\n", " "]) {
    const before = text.lastIndexOf(separator, middle);
    if (before > middle - window && before > 0) return before + 1;
    const after = text.indexOf(separator, middle);
    if (after !== -1 && after < middle + window) return after + 1;
  }
  // Never cut a surrogate pair in two.
  const code = text.charCodeAt(middle);
  return code >= 0xdc00 && code <= 0xdfff ? middle + 1 : middle;
}
