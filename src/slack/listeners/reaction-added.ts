/**
 * An export emoji on any message of a thread starts an export of the whole thread. Taken with
 * `ackAfterHandler` (take-event.ts): Slack gets its answer once the job exists, so a crash in between makes
 * Slack send the event again instead of losing the export.
 */
import type { SlackEventMiddlewareArgs } from "@slack/bolt";
import type { ExportRequest } from "../../export/export-thread.js";
import type { Log } from "../../util/logger.js";

export interface ReactionAddedDeps {
  exportReactions: string[];
  botUserId: string;
  /**
   * Queues the export (a durable job) and returns at once: Slack wants its answer within 3 seconds.
   * `eventId` names the job, so a redelivered event finds its job instead of starting a second export
   * (`created: false`).
   */
  startExport(request: ExportRequest, log: Log, eventId: string): Promise<{ created: boolean }>;
  log: Log;
}

type Args = Pick<SlackEventMiddlewareArgs<"reaction_added">, "event" | "body">;

export function reactionAddedListener(deps: ReactionAddedDeps) {
  return async ({ event, body }: Args): Promise<void> => {
    if (!deps.exportReactions.includes(event.reaction)) return;
    // A reaction on a file or file comment is not a thread to export.
    if (event.item.type !== "message") return;
    if (event.user === deps.botUserId) return;
    const eventId = body.event_id;
    const teamId = body.team_id;
    const log = deps.log.child({ eventId, teamId, channel: event.item.channel, ts: event.item.ts });
    // A failure is thrown on: Slack, left without its answer, sends the event again.
    const { created } = await deps.startExport(
      {
        location: { teamId, channelId: event.item.channel, messageTs: event.item.ts },
        requestedBy: event.user,
        reaction: event.reaction,
      },
      log,
      eventId,
    );
    if (created) log.info({ reaction: event.reaction }, "export requested");
    else log.info({ retry: true }, "event already handled; ignoring redelivery");
  };
}
