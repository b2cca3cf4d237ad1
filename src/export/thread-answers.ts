/** What an export says in its thread, and whether an earlier attempt already said it. */
import type { ThreadLink } from "../store/store.js";
import { escapeMrkdwn } from "../util/escape-mrkdwn.js";
import type { ExportOutcome } from "./export-thread.js";
import { plural } from "./render-sections.js";
import { compareSlackTs } from "./slack-time.js";
import type { SlackThread } from "./thread-types.js";

/** threadport's last word in the thread links this issue, and nobody has written since. */
export function alreadyAnswered(thread: SlackThread, link: ThreadLink): boolean {
  // Oldest first, like the thread's messages.
  const newestOwn = thread.ownReplies?.at(-1);
  if (!newestOwn?.text.includes(link.issueUrl)) return false;
  return thread.messages.every((message) => compareSlackTs(message.ts, newestOwn.ts) < 0);
}

/** The thread reply; Slack mrkdwn, with the title escaped so it cannot mention or link anything. */
export function replyText(outcome: Exclude<ExportOutcome, { kind: "failed" }>): string {
  const { link } = outcome;
  const ref = `<${link.issueUrl}|${escapeMrkdwn(`${link.projectPath}#${link.issueIid}`)}>`;
  const title = escapeMrkdwn(link.issueTitle);
  switch (outcome.kind) {
    case "created":
      return `:memo: Moved to ${ref}: *${title}* — let's continue there.`;
    case "appended":
      return `:memo: Added ${plural(outcome.messages, "new message")} to ${ref}: *${title}*.`;
    case "nothing_new":
      return `:memo: Nothing new to add: every message of this thread is already in ${ref}.`;
    case "commented":
      return `:memo: Added this thread (${plural(outcome.messages, "message")}) to ${ref}: *${title}* — let's continue there.`;
  }
}
