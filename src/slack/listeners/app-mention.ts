/**
 * `@threadport file this [as <title>]` in a thread queues the same export as the reaction; anything else
 * mentioning the bot gets a short private help answer.
 */
import type { SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ExportRequest } from "../../export/export-thread.js";
import type { ThreadNotifier } from "../../export/ports.js";
import type { Log } from "../../util/logger.js";
import { MENTION_USAGE, parseMentionCommand } from "../parse-mention-command.js";
import { mentionHelpText } from "../views/mention-answers.js";

export interface AppMentionDeps {
  botUserId: string;
  /** Named in messages ("react with :memo:"), and recorded on the export like a reaction's. */
  reaction: string;
  notifier: Pick<ThreadNotifier, "tellUser">;
  /** Records the event id; false when this event was handled before (Slack redelivers). */
  claimEvent(eventId: string): Promise<boolean>;
  /** Queues the export as a durable job; `eventId` makes a redelivery map to the same job. */
  startExport(request: ExportRequest, log: Log, eventId: string): Promise<{ created: boolean }>;
  log: Log;
}

type Args = Pick<SlackEventMiddlewareArgs<"app_mention">, "event" | "body">;

export function appMentionListener(deps: AppMentionDeps) {
  return async ({ event, body }: Args): Promise<void> => {
    // Another bot (or a workflow) mentioning threadport is not a person asking; answering could loop.
    if (event.bot_id || event.subtype || !event.user || event.user === deps.botUserId) return;
    const eventId = body.event_id;
    const teamId = body.team_id;
    const { channel, ts, user } = event;
    const threadTs = event.thread_ts ?? ts;
    const log = deps.log.child({ eventId, teamId, channel, ts });
    const command = parseMentionCommand(event.text, deps.botUserId);
    if (command.kind === "help") {
      if (!(await deps.claimEvent(eventId))) {
        log.info({ retry: true }, "event already handled; ignoring redelivery");
        return;
      }
      log.info({}, "mention not understood; answering with help");
      await tell(deps, channel, user, threadTs, mentionHelpText(deps.reaction), log);
      return;
    }
    const request: ExportRequest = {
      // The mention itself is in the thread: it gets the check mark, and reading from it reads the thread.
      location: { teamId, channelId: channel, messageTs: ts },
      requestedBy: user,
      reaction: deps.reaction,
      retryHint: `mention me again with ${MENTION_USAGE}`,
      ...(command.title ? { target: { title: command.title } } : {}),
    };
    // Named by the event id, the job is its own redelivery check; a failure is thrown on, so that Slack,
    // left without its answer, sends the event again (see reaction-added.ts).
    const { created } = await deps.startExport(request, log, eventId);
    if (created) log.info({ titled: command.title !== undefined }, "export requested by mention");
    else log.info({ retry: true }, "event already handled; ignoring redelivery");
  };
}

async function tell(
  deps: AppMentionDeps,
  channel: string,
  user: string,
  threadTs: string,
  text: string,
  log: Log,
): Promise<void> {
  try {
    await deps.notifier.tellUser(channel, user, threadTs, text);
  } catch (error) {
    log.error({ err: error }, "could not answer the mention");
  }
}
