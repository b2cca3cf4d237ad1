/** Recording a call's outcome: the modal, the note it becomes in the issue, and the reply in the thread. */
import { formatUtc } from "../export/slack-time.js";
import { makeSafeForGitLab } from "../gitlab/make-safe-for-gitlab.js";
import { localClock } from "./describe-time.js";
import type { SlotPerson } from "./find-call-slot.js";
import { type Block, CALL_OUTCOME_VIEW, escapeMrkdwn, plainName } from "./nudge-message.js";

/** Block and action ids of the modal's inputs, read back from the submission. */
export const CALL_OUTCOME_FIELDS = {
  participants: { block: "call_participants", action: "value" },
  when: { block: "call_when", action: "value" },
  outcome: { block: "call_outcome", action: "value" },
} as const;

/** GitLab notes take far more, but a modal's text input stops at 3,000 characters. */
export const OUTCOME_MAX_LENGTH = 3000;

/** The thread the modal belongs to, kept in the view's private_metadata. */
export interface CallOutcomeTarget {
  channelId: string;
  threadTs: string;
}

export interface CallOutcomeModalInput extends CallOutcomeTarget {
  /** Slack user ids to preselect as the people on the call. */
  people: string[];
  now: Date;
}

export function renderCallOutcomeModal(input: CallOutcomeModalInput): Block {
  const target: CallOutcomeTarget = { channelId: input.channelId, threadTs: input.threadTs };
  const { participants, when, outcome } = CALL_OUTCOME_FIELDS;
  return {
    type: "modal",
    callback_id: CALL_OUTCOME_VIEW,
    private_metadata: JSON.stringify(target),
    title: { type: "plain_text", text: "Record call outcome" },
    submit: { type: "plain_text", text: "Add to the issue" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text:
            "What you write here is added to this thread's GitLab issue as a note headed *Call outcome*, " +
            "with who was on the call and when. If the thread has no issue yet, it is exported first.",
        },
      },
      {
        type: "input",
        block_id: participants.block,
        label: { type: "plain_text", text: "Who was on the call" },
        element: {
          type: "multi_users_select",
          action_id: participants.action,
          ...(input.people.length > 0 ? { initial_users: input.people } : {}),
        },
      },
      {
        type: "input",
        block_id: when.block,
        label: { type: "plain_text", text: "When" },
        element: {
          type: "datetimepicker",
          action_id: when.action,
          initial_date_time: Math.floor(input.now.getTime() / 1000),
        },
      },
      {
        type: "input",
        block_id: outcome.block,
        label: { type: "plain_text", text: "Outcome" },
        element: {
          type: "plain_text_input",
          action_id: outcome.action,
          multiline: true,
          max_length: OUTCOME_MAX_LENGTH,
          placeholder: {
            type: "plain_text",
            text: "What did you decide? What happens next, and who does it?",
          },
        },
      },
    ],
  };
}

/** Reads the target back from private_metadata; undefined when it is not ours. */
export function parseCallOutcomeTarget(metadata: string | undefined): CallOutcomeTarget | undefined {
  try {
    const parsed = JSON.parse(metadata ?? "") as Partial<CallOutcomeTarget>;
    if (typeof parsed.channelId === "string" && typeof parsed.threadTs === "string") {
      return { channelId: parsed.channelId, threadTs: parsed.threadTs };
    }
  } catch {
    // not JSON: not a view this version wrote
  }
  return undefined;
}

export interface CallOutcomeNoteInput {
  /** When the call took place. */
  at: Date;
  participants: SlotPerson[];
  recordedBy: SlotPerson;
  outcome: string;
}

/** The issue note: a "Call outcome" heading, who and when, then the outcome, all made safe for GitLab. */
export function renderCallOutcomeNote(input: CallOutcomeNoteInput): string {
  const who = input.participants.map((person) => {
    const name = gitlabName(person.name);
    return person.timeZone ? `${name} (${person.timeZone}, ${localClock(input.at, person.timeZone)})` : name;
  });
  const outcome = makeSafeForGitLab(input.outcome.trim());
  return [
    "## Call outcome",
    "",
    `- **When:** ${formatUtc(input.at)}`,
    `- **On the call:** ${who.length > 0 ? who.join(", ") : "not recorded"}`,
    `- **Recorded by:** ${gitlabName(input.recordedBy.name)}, in Slack through threadport`,
    "",
    outcome,
    "",
  ].join("\n");
}

function gitlabName(name: string): string {
  return makeSafeForGitLab(name.replace(/\s+/g, " ").trim() || "someone");
}

/** The reply in the thread once the note is in the issue. */
export function callOutcomeRecordedText(recordedBy: string, issueUrl: string, reference: string): string {
  return `:telephone_receiver: ${plainName(recordedBy)} recorded the outcome of the call in <${issueUrl}|${escapeMrkdwn(reference)}>.`;
}
