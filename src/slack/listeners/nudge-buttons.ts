/**
 * The nudges' buttons: "Export to GitLab" and "Append new messages" run the export; "Record call outcome"
 * opens the modal (at once: its trigger_id lasts 3 seconds).
 */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  types,
} from "@slack/bolt";
import type { ExportRequest } from "../../export/export-thread.js";
import { renderCallOutcomeModal } from "../../nudge/render-call-outcome.js";
import type { Log } from "../../util/logger.js";
import { slackErrorCode } from "../slack-error.js";

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export interface ButtonThread {
  teamId: string;
  channelId: string;
  threadTs: string;
}

/** The thread a nudge's button belongs to: the nudge is a reply in it, and its value is the thread's ts. */
export function threadOfButton(body: BlockAction<ButtonAction>): ButtonThread | undefined {
  const teamId = body.team?.id ?? body.user.team_id;
  const channelId = body.channel?.id ?? body.container?.channel_id;
  const message = body.message as { thread_ts?: string; ts?: string } | undefined;
  const threadTs = message?.thread_ts ?? body.container?.thread_ts ?? message?.ts;
  if (!teamId || !channelId || !threadTs) return undefined;
  return { teamId, channelId, threadTs };
}

export interface ExportButtonDeps {
  /** Reaction named in failure messages; the retry hint says to press the button again instead. */
  reaction: string;
  startExport(request: ExportRequest, log: Log): void;
  log: Log;
}

/** "Export to GitLab" and "Append new messages": the same export, which creates or appends as needed. */
export function exportButtonListener(deps: ExportButtonDeps) {
  return async ({ ack, body, action }: Args): Promise<void> => {
    await ack();
    const thread = threadOfButton(body);
    if (!thread) {
      deps.log.warn({ action: action.action_id }, "nudge button without a thread");
      return;
    }
    const log = deps.log.child({
      action: action.action_id,
      teamId: thread.teamId,
      channel: thread.channelId,
    });
    log.info({ threadTs: thread.threadTs }, "export requested from a nudge");
    deps.startExport(
      {
        location: { teamId: thread.teamId, channelId: thread.channelId, messageTs: thread.threadTs },
        requestedBy: body.user.id,
        reaction: deps.reaction,
        retryHint: `press *${action.text.text}* again`,
      },
      log,
    );
  };
}

export interface RecordOutcomeButtonDeps {
  now: () => Date;
  log: Log;
}

const USER_ID = /^[UW][A-Z0-9_]+$/;

export function recordOutcomeButtonListener(deps: RecordOutcomeButtonDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const thread = threadOfButton(body);
    if (!thread) {
      deps.log.warn({ action: action.action_id }, "nudge button without a thread");
      return;
    }
    const people = (action.value ?? "").split(",").filter((id) => USER_ID.test(id));
    const view = renderCallOutcomeModal({ ...thread, people, now: deps.now() });
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: view as unknown as types.ModalView });
    } catch (error) {
      // The modal could not open (most often the 3-second trigger expired): a second press will work.
      deps.log.warn(
        { code: slackErrorCode(error), channel: thread.channelId },
        "could not open the call outcome modal",
      );
    }
  };
}
