/** Markdown sections shared by the issue body and the follow-up comment. */
import { makeSafeForGitLab } from "../gitlab/make-safe-for-gitlab.js";
import type { ThreadSummary } from "../summarize/summarizer.js";
import type { PreparedMessage } from "./prepare-messages.js";
import { formatUtc, utcOffsetLabel } from "./slack-time.js";
import type { SlackThread } from "./thread-types.js";

/** Summary, decisions, action items and open questions; the model's (or heuristics') text is untrusted. */
export function renderSummarySections(summary: ThreadSummary, heading: string): string {
  const safe = (text: string) => makeSafeForGitLab(oneLine(text));
  const parts = [
    `${heading} Summary\n\n${makeSafeForGitLab(summary.summary.trim() || "No summary available.")}`,
  ];
  if (summary.decisions.length > 0) {
    parts.push(`${heading} Decisions\n\n${summary.decisions.map((d) => `- ${safe(d)}`).join("\n")}`);
  }
  if (summary.actionItems.length > 0) {
    const items = summary.actionItems.map(
      (item) => `- [ ] ${item.owner ? `${safe(item.owner)}: ` : ""}${safe(item.text)}`,
    );
    parts.push(`${heading} Action items\n\n${items.join("\n")}`);
  }
  if (summary.openQuestions.length > 0) {
    parts.push(`${heading} Open questions\n\n${summary.openQuestions.map((q) => `- ${safe(q)}`).join("\n")}`);
  }
  return parts.join("\n\n");
}

export interface ContextFacts {
  thread: SlackThread;
  messages: PreparedMessage[];
  requestedByName: string;
  summarizer: string;
  /** Why this summarizer wrote it, e.g. "the model failed: timeout". */
  summarizerNote?: string;
}

/** The low-context facts a reader who was not there needs: where, who, when, what was linked. */
export function renderContextSection(
  { thread, messages, requestedByName, summarizer, summarizerNote }: ContextFacts,
  heading: string,
) {
  const first = messages[0];
  const last = messages[messages.length - 1];
  const where =
    thread.conversation.kind === "public_channel" || thread.conversation.kind === "private_channel"
      ? `#${thread.conversation.name}`
      : thread.conversation.name;
  const lines = [
    `- **Slack:** [${escapeLinkText(makeSafeForGitLab(where))}](${thread.permalink}) (${describeKind(thread)}) · ${plural(messages.length, "message")}`,
    `- **Participants:** ${renderParticipants(thread, messages, first?.at ?? new Date())}`,
  ];
  if (first && last) lines.push(`- **Time:** ${formatUtc(first.at)} to ${formatUtc(last.at)}`);
  const links = [...new Set(messages.flatMap((m) => m.links))];
  if (links.length > 0) lines.push(`- **Links mentioned:**\n${links.map((l) => `  - <${l}>`).join("\n")}`);
  const redactions = messages.reduce((sum, m) => sum + m.redactions, 0);
  if (redactions > 0) {
    lines.push(`- **Redacted:** ${plural(redactions, "secret")} replaced with \`[redacted]\` before export`);
  }
  lines.push(
    `- **Filed by:** threadport for ${makeSafeForGitLab(oneLine(requestedByName))} · summary by the ${summarizer} summarizer${summarizerNote ? ` (${makeSafeForGitLab(oneLine(summarizerNote))})` : ""}`,
  );
  return `${heading} Context\n\n${lines.join("\n")}`;
}

function renderParticipants(thread: SlackThread, messages: PreparedMessage[], at: Date): string {
  const counts = new Map<string, { name: string; zone?: string; isBot: boolean; count: number }>();
  for (const message of messages) {
    const key = message.authorId ?? `bot:${message.author}`;
    const person = message.authorId ? thread.people.get(message.authorId) : undefined;
    const entry = counts.get(key) ?? {
      name: message.author,
      zone: person?.timeZone,
      isBot: message.isBot,
      count: 0,
    };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()]
    .map((p) => {
      const zone = p.isBot
        ? "bot"
        : p.zone
          ? `${p.zone}, ${utcOffsetLabel(p.zone, at) ?? "unknown offset"}`
          : "no time zone in Slack";
      return `${makeSafeForGitLab(oneLine(p.name))} (${zone}; ${plural(p.count, "message")})`;
    })
    .join(", ");
}

function describeKind(thread: SlackThread): string {
  switch (thread.conversation.kind) {
    case "public_channel":
      return "public channel";
    case "private_channel":
      return "private channel";
    case "im":
      return "direct message";
    case "mpim":
      return "group direct message";
  }
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]]/g, "\\$&");
}
