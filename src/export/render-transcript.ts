/** The conversation itself, in collapsible blocks small enough for GitLab's size limits. */
import { makeSafeForGitLab } from "../gitlab/make-safe-for-gitlab.js";
import type { PreparedMessage } from "./prepare-messages.js";
import { formatUtc } from "./slack-time.js";

export function renderMessage(message: PreparedMessage): string {
  const author = makeSafeForGitLab(message.author.replace(/\s+/g, " ").trim()).replace(/\*/g, "\\*");
  const flags = [message.isBot ? "bot" : undefined, message.edited ? "edited" : undefined].filter(Boolean);
  const header = `**${author}**${flags.length ? ` (${flags.join(", ")})` : ""} · ${formatUtc(message.at)}`;
  const body = makeSafeForGitLab(message.markdown.trim()) || "_(no text)_";
  const files = message.files.map(
    (f) => `- :paperclip: [${makeSafeForGitLab(f.name).replace(/[[\]]/g, "\\$&")}](${f.url})`,
  );
  return [header, body, ...(files.length ? [files.join("\n")] : [])].join("\n\n");
}

export interface TranscriptBlock {
  text: string;
  /** ts of the newest message in this block. */
  lastTs: string;
}

/**
 * Splits the transcript into <details> blocks of at most maxChars each. One block in the common case; a
 * 10,000-message thread may need several, which go into follow-up comments so nothing is lost.
 */
export function renderTranscriptBlocks(
  messages: PreparedMessage[],
  label: string,
  maxChars: number,
): TranscriptBlock[] {
  const rendered = messages.map(renderMessage);
  const groups: { start: number; parts: string[]; size: number }[] = [];
  let current = { start: 0, parts: [] as string[], size: 0 };
  rendered.forEach((text, index) => {
    const piece = truncate(text, maxChars - 500);
    if (current.parts.length > 0 && current.size + piece.length + 2 > maxChars - 500) {
      groups.push(current);
      current = { start: index, parts: [], size: 0 };
    }
    current.parts.push(piece);
    current.size += piece.length + 2;
  });
  if (current.parts.length > 0) groups.push(current);
  return groups.map((group, i): TranscriptBlock => {
    const range =
      groups.length === 1
        ? `${label} (${messages.length} message${messages.length === 1 ? "" : "s"})`
        : `${label}, part ${i + 1} of ${groups.length} (messages ${group.start + 1}–${group.start + group.parts.length} of ${messages.length})`;
    // Blank lines around the content let GitLab render Markdown inside the HTML block.
    const text = `<details><summary>${range}</summary>\n\n${group.parts.join("\n\n")}\n\n</details>`;
    return { text, lastTs: messages[group.start + group.parts.length - 1]!.ts };
  });
}

function truncate(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max - 40)}\n\n_(message shortened: too long for GitLab)_`;
}
