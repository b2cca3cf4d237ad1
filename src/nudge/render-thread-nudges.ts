/** The "take this async" and "already moved" nudges. */
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  NUDGE_ACTIONS,
  type NudgeMessage,
  section,
  TURN_OFF_HINT,
} from "./nudge-message.js";

export interface TakeAsyncInput {
  replies: number;
  participants: number;
  reason: "replies" | "participants";
  threadTs: string;
}

export function renderTakeAsyncNudge(input: TakeAsyncInput): NudgeMessage {
  const size =
    input.reason === "replies"
      ? replies(input.replies)
      : `${replies(input.replies)} from ${input.participants} people`;
  const because =
    input.reason === "replies"
      ? `it reached ${replies(input.replies)}`
      : `${input.participants} people have joined in`;
  return {
    text: "This is getting long — take it async?",
    blocks: [
      section(
        `:inbox_tray: *This is getting long — take it async?* This thread has ${size} and no issue yet. ` +
          "Export it to GitLab: the summary, the decisions and the open questions go into an issue that " +
          "people who were not here can read, and the discussion can go on there.",
      ),
      actions(button("Export to GitLab", NUDGE_ACTIONS.exportThread, input.threadTs, true)),
      context(`Posted once per thread, because ${because} without an issue. ${TURN_OFF_HINT}`),
    ],
  };
}

export interface AlreadyMovedInput {
  newReplies: number;
  issueUrl: string;
  /** e.g. "acme/web#12" */
  reference: string;
  issueTitle: string;
  threadTs: string;
}

export function renderAlreadyMovedNudge(input: AlreadyMovedInput): NudgeMessage {
  const ref = `<${input.issueUrl}|${escapeMrkdwn(input.reference)}>`;
  return {
    text: `This discussion already lives in ${input.reference}.`,
    blocks: [
      section(
        `:memo: *This discussion already lives in ${ref}* (${escapeMrkdwn(input.issueTitle)}). ` +
          `There ${input.newReplies === 1 ? "is" : "are"} ${replies(input.newReplies, "new ")} here since it was exported: ` +
          "continue in the issue, or add the new messages to it so nothing is lost.",
      ),
      actions(button("Append new messages", NUDGE_ACTIONS.appendMessages, input.threadTs, true)),
      context(`Posted once per thread, because people kept replying after it was exported. ${TURN_OFF_HINT}`),
    ],
  };
}

/** "1 reply", "10 replies", "3 new replies" */
function replies(count: number, adjective = ""): string {
  return `${count.toLocaleString("en-US")} ${adjective}${count === 1 ? "reply" : "replies"}`;
}
