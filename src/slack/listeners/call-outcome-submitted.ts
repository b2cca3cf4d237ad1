/** The "Record call outcome" modal was submitted: check it, close it, and record the outcome in the background. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { CallOutcomeSubmission } from "../../nudge/record-call-outcome.js";
import { CALL_OUTCOME_FIELDS, parseCallOutcomeTarget } from "../../nudge/render-call-outcome.js";
import type { Log } from "../../util/logger.js";

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export interface CallOutcomeSubmittedDeps {
  now: () => Date;
  /** Records the outcome without waiting: the modal must be answered within 3 seconds. */
  startRecording(submission: CallOutcomeSubmission, log: Log): void;
  log: Log;
}

type StateValues = ViewSubmitAction["view"]["state"]["values"];

export function callOutcomeSubmittedListener(deps: CallOutcomeSubmittedDeps) {
  return async ({ ack, body, view }: Args): Promise<void> => {
    const read = readSubmission(view.state.values, deps.now());
    if ("error" in read) {
      await ack({ response_action: "errors", errors: { [CALL_OUTCOME_FIELDS.outcome.block]: read.error } });
      return;
    }
    const target = parseCallOutcomeTarget(view.private_metadata);
    const teamId = body.team?.id ?? body.user.team_id ?? view.team_id;
    await ack();
    if (!target || !teamId) {
      deps.log.warn({ view: view.id }, "call outcome modal without its thread");
      return;
    }
    const log = deps.log.child({ teamId, channel: target.channelId, threadTs: target.threadTs });
    log.info({ participants: read.participants.length }, "call outcome submitted");
    deps.startRecording({ teamId, ...target, recordedBy: body.user.id, ...read }, log);
  };
}

interface ReadSubmission {
  participants: string[];
  at: Date;
  outcome: string;
}

/** The modal's values; Slack enforces the required inputs, this guards against blank text. */
export function readSubmission(values: StateValues, now: Date): ReadSubmission | { error: string } {
  const { participants, when, outcome } = CALL_OUTCOME_FIELDS;
  const text = values[outcome.block]?.[outcome.action]?.value?.trim() ?? "";
  if (text === "") return { error: "Write what came out of the call." };
  const selected = values[participants.block]?.[participants.action]?.selected_users ?? [];
  const seconds = values[when.block]?.[when.action]?.selected_date_time;
  return {
    participants: selected,
    at: typeof seconds === "number" ? new Date(seconds * 1000) : now,
    outcome: text,
  };
}
