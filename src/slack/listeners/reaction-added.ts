/** An export emoji on any message of a thread starts an export of the whole thread. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ExportRequest } from "../../export/export-thread.js";
import type { Log } from "../../util/logger.js";

export interface ReactionAddedDeps {
  exportReactions: string[];
  botUserId: string;
  /** Records the event id; false when this event was handled before (Slack redelivers). */
  claimEvent(eventId: string): Promise<boolean>;
  /**
   * Queues the export (a durable job) and returns at once: Slack wants its answer within 3 seconds.
   * `eventId` makes the queueing idempotent, so a redelivered event cannot start a second export.
   */
  startExport(request: ExportRequest, log: Log, eventId: string): Promise<unknown>;
  log: Log;
}

type Args = SlackEventMiddlewareArgs<"reaction_added"> & AllMiddlewareArgs;

export function reactionAddedListener(deps: ReactionAddedDeps) {
  return async ({ event, body }: Args): Promise<void> => {
    if (!deps.exportReactions.includes(event.reaction)) return;
    // A reaction on a file or file comment is not a thread to export.
    if (event.item.type !== "message") return;
    if (event.user === deps.botUserId) return;
    const eventId = body.event_id;
    const teamId = body.team_id;
    const log = deps.log.child({ eventId, teamId, channel: event.item.channel, ts: event.item.ts });
    if (!(await deps.claimEvent(eventId))) {
      log.info({ retry: true }, "event already handled; ignoring redelivery");
      return;
    }
    log.info({ reaction: event.reaction }, "export requested");
    try {
      await deps.startExport(
        {
          location: { teamId, channelId: event.item.channel, messageTs: event.item.ts },
          requestedBy: event.user,
          reaction: event.reaction,
        },
        log,
        eventId,
      );
    } catch (error) {
      log.error({ err: error }, "could not queue the export");
    }
  };
}
