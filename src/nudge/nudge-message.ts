/** Slack message pieces shared by the nudges: the message shape, Block Kit builders, safe names. */
import { escapeMrkdwn } from "../util/escape-mrkdwn.js";

/** Re-exported: the views and nudges take their mrkdwn helpers from here. */
export { escapeMrkdwn };

/** A Block Kit block, as plain JSON. */
export type Block = Record<string, unknown>;

/** A thread reply: the notification text and its blocks. */
export interface NudgeMessage {
  text: string;
  blocks: Block[];
}

/** Action and view ids of the nudges' buttons and modal (Slack allows 255 characters; kept short and unique). */
export const NUDGE_ACTIONS = {
  recordCallOutcome: "nudge_record_call_outcome",
  exportThread: "nudge_export_thread",
  appendMessages: "nudge_append_messages",
} as const;

export const CALL_OUTCOME_VIEW = "nudge_call_outcome";

/** Why a nudge appears and how to stop it, at the bottom of every nudge. */
export const TURN_OFF_HINT = "`/async nudges off` turns nudges off in this channel.";

/** A person's name as plain text in mrkdwn (never an @-mention). */
export function plainName(name: string): string {
  return escapeMrkdwn(name.replace(/\s+/g, " ").trim() || "someone");
}

export function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text } };
}

export function context(text: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text }] };
}

export function button(text: string, actionId: string, value: string, primary = false): Block {
  return {
    type: "button",
    text: { type: "plain_text", text, emoji: true },
    action_id: actionId,
    value,
    ...(primary ? { style: "primary" } : {}),
  };
}

export function actions(...elements: Block[]): Block {
  return { type: "actions", elements };
}

/** "Alice", "Alice and Bob", "Alice, Bob and Chen" */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
