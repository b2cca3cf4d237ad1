/**
 * Writes a thread as plain lines for the model, with as little added as possible: "Name: text", the
 * message's further lines indented by two spaces, and a date line when the (UTC) day changes. So a line
 * at the start of the line is always a new message, a date or our own delimiter, never message text: a
 * message cannot pretend to be another author or close the data block, and its text is sent verbatim.
 */
import type { SummaryMessage } from "../summarizer.js";

/** One message (or, for a message too long for one request, one piece of it), ready to send. */
export interface MessageBlock {
  /** Index of the message in the thread. */
  index: number;
  /** The author's label, for the pieces of a message too long for one request. */
  label: string;
  text: string;
}

/** label names the author; by default the full name (see author-labels.ts for the shorter one). */
export function formatMessages(
  messages: readonly SummaryMessage[],
  label: (message: SummaryMessage) => string = speaker,
): MessageBlock[] {
  let day = "";
  return messages.map((message, index) => {
    const today = message.at.toISOString().slice(0, 10);
    const dateLine = today === day ? "" : `-- ${today} --\n`;
    day = today;
    const name = label(message);
    return { index, label: name, text: `${dateLine}${formatMessage(name, messageBody(message))}` };
  });
}

/** The message's text, and the reactions others gave it (a ✅ on a proposal is agreement). */
export function messageBody(message: Pick<SummaryMessage, "text" | "reactions">): string {
  return message.reactions?.length
    ? `${message.text}\n(reactions: ${message.reactions.join(", ")})`
    : message.text;
}

/** "Name: first line\n  second line\n". */
export function formatMessage(name: string, text: string): string {
  const body = text.replace(/\r\n?/g, "\n").trim();
  return `${name}: ${body.split("\n").join("\n  ")}\n`;
}

/** The author as a label: no colon, angle brackets or line break, and bots marked as such. */
export function speaker(message: Pick<SummaryMessage, "author" | "isBot">): string {
  const name = message.author.replace(/[\s:<>]+/g, " ").trim() || "someone";
  return message.isBot ? `${name} (bot)` : name;
}
