import type { SummaryInput, SummaryMessage } from "../../src/summarize/summarizer.js";

/** A message line: `[author, text]`, or an object when it needs a bot flag or a time gap. */
export type Line =
  | [author: string, text: string]
  | { author: string; text: string; isBot?: boolean; minutesLater?: number };

const START = Date.UTC(2024, 4, 6, 9, 0, 0);

/** A thread from short lines, one minute apart unless a line says otherwise. */
export function buildSummaryInput(lines: readonly Line[], channelName = "general"): SummaryInput {
  let minute = 0;
  const messages: SummaryMessage[] = lines.map((line) => {
    const entry = Array.isArray(line) ? { author: line[0], text: line[1] } : line;
    minute += Array.isArray(line) ? 1 : (line.minutesLater ?? 1);
    return {
      author: entry.author,
      text: entry.text,
      isBot: !Array.isArray(line) && line.isBot === true,
      at: new Date(START + minute * 60_000),
    };
  });
  return { channelName, messages };
}
