/** Turns due nudges into thread replies: looks up the people (for the call nudge), renders, posts. */
import { asThreadportError } from "../errors.js";
import type { ThreadLink } from "../store/store.js";
import type { Log } from "../util/logger.js";
import { findCallSlot } from "./find-call-slot.js";
import type { NudgeMessage } from "./nudge-message.js";
import type { WorkingHours } from "./nudge-settings.js";
import type { NudgePoster, PeopleDirectory } from "./ports.js";
import { renderCallNudge } from "./render-call-nudge.js";
import { renderAlreadyMovedNudge, renderTakeAsyncNudge } from "./render-thread-nudges.js";
import type { DueNudge, ThreadReply } from "./thread-state.js";

export interface DeliverDeps {
  poster: NudgePoster;
  people: PeopleDirectory;
  workingHours: WorkingHours;
  now: () => Date;
  log: Log;
}

/**
 * Posts each nudge in the thread. A nudge that fails to post is logged and not retried: it is already
 * recorded as posted, and at most once matters more than at least once for a nudge.
 */
export async function deliverNudges(
  reply: ThreadReply,
  due: DueNudge[],
  link: ThreadLink | undefined,
  deps: DeliverDeps,
): Promise<void> {
  for (const nudge of due) {
    try {
      const message = await composeNudge(reply, nudge, link, deps);
      if (!message) continue;
      await deps.poster.postInThread(reply.channelId, reply.threadTs, message);
      deps.log.info(
        { channel: reply.channelId, threadTs: reply.threadTs, nudge: nudge.kind },
        "nudge posted",
      );
    } catch (caught) {
      const error = asThreadportError(caught);
      deps.log.warn({ code: error.code, err: error, nudge: nudge.kind }, "could not post a nudge");
    }
  }
}

export async function composeNudge(
  reply: ThreadReply,
  nudge: DueNudge,
  link: ThreadLink | undefined,
  deps: Pick<DeliverDeps, "people" | "workingHours" | "now">,
): Promise<NudgeMessage | undefined> {
  switch (nudge.kind) {
    case "call": {
      const people = await Promise.all(nudge.people.map((id) => deps.people.person(reply.teamId, id)));
      const now = deps.now();
      const search = findCallSlot(people, now, deps.workingHours);
      return renderCallNudge({ people, roundTrips: nudge.roundTrips, now, search, hours: deps.workingHours });
    }
    case "take_async":
      return renderTakeAsyncNudge({ ...nudge, threadTs: reply.threadTs });
    case "already_moved":
      if (!link) return undefined;
      return renderAlreadyMovedNudge({
        newReplies: nudge.newReplies,
        issueUrl: link.issueUrl,
        reference: `${link.projectPath}#${link.issueIid}`,
        issueTitle: link.issueTitle,
        threadTs: reply.threadTs,
      });
  }
}
