/**
 * Token estimates with o200k_base, the encoding of the GPT-4o and later OpenAI models (gpt-tokenizer, pure
 * JavaScript, its tables ship in the package: nothing is downloaded). Other models' tokenizers differ by
 * some percent; the context budget is an estimate, so leave such models a margin.
 */
import { countTokens as countO200k } from "gpt-tokenizer/encoding/o200k_base";

/** Text such as "<|endoftext|>" in a thread is ordinary text to us, not a special token. */
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** Per chat message, the API adds a few tokens of framing (role, separators); plus a few to prime the reply. */
export const TOKENS_PER_CHAT_MESSAGE = 4;
export const TOKENS_TO_PRIME_REPLY = 3;

export function countTokens(text: string): number {
  return text.length === 0 ? 0 : countO200k(text, AS_PLAIN_TEXT);
}

export interface ChatPromptForCount {
  messages: { content: string }[];
  /** The response format's JSON schema, serialized as it is sent: the model reads it too. */
  schemaJson: string;
}

/** Estimated prompt tokens of one chat completion request. */
export function countPromptTokens(prompt: ChatPromptForCount): number {
  let total = TOKENS_TO_PRIME_REPLY + countTokens(prompt.schemaJson);
  for (const message of prompt.messages) total += TOKENS_PER_CHAT_MESSAGE + countTokens(message.content);
  return total;
}
