/**
 * Posting a GitLab event into one linked Slack thread, as a durable job: Slack 429s and outages retry with
 * backoff instead of losing the event. One job per (event, thread), so a retry never posts twice elsewhere.
 */
import { asThreadportError } from "../errors.js";
import type { JobHandler, JobQueue } from "../jobs/job-queue.js";
import type { Store, ThreadLink } from "../store/store.js";
import type { WebhookEvent } from "./gitlab-webhook-event.js";
import { renderIssueChanges, renderNote, renderRestricted } from "./render-post-back.js";

export const POST_BACK_JOB = "gitlab-post-back";

/** A hidden marker threadport puts in everything it writes to GitLab (render-issue.ts, exactly-once-tracker.ts). */
export const OWN_MARKER = "<!-- threadport:";

export interface PostBackPayload {
  event: WebhookEvent;
  thread: { teamId: string; channelId: string; threadTs: string };
}

export interface PostBackDeps {
  store: Pick<Store, "getPostBackSettings" | "markIssueEvent">;
  replyInThread(channelId: string, threadTs: string, text: string): Promise<void>;
  /** Whether the conversation is a private channel (or DM); confidential text shows only there. */
  isPrivateChannel(channelId: string): Promise<boolean>;
  /** The id of threadport's own GitLab user. */
  ownGitLabUserId(): Promise<number>;
}

/** Queues one job per linked thread; the event key makes a redelivered webhook map to the same jobs. */
export async function enqueuePostBack(
  queue: JobQueue,
  event: WebhookEvent,
  links: ThreadLink[],
  eventKey: string,
): Promise<{ created: number }> {
  let created = 0;
  for (const link of links) {
    const payload: PostBackPayload = {
      event,
      thread: { teamId: link.teamId, channelId: link.channelId, threadTs: link.threadTs },
    };
    const key = `gitlab:${eventKey}:${link.teamId}:${link.channelId}:${link.threadTs}`;
    const result = await queue.enqueue(POST_BACK_JOB, payload, { key });
    if (result.created) created++;
  }
  return { created };
}

/** What to post for the event in that thread; undefined when nothing is posted. */
export async function decidePostBack(
  payload: PostBackPayload,
  deps: PostBackDeps,
): Promise<string | undefined> {
  const { event, thread } = payload;
  const settings = await deps.store.getPostBackSettings(thread.teamId, thread.channelId);
  if (settings.enabled === false) return undefined;
  if (event.kind === "note") {
    if (event.system || event.body.includes(OWN_MARKER)) return undefined;
    const ownId = await deps.ownGitLabUserId();
    if (event.authorId === ownId || event.author.id === ownId) return undefined;
  } else {
    if (event.changes.length === 0) return undefined;
    // An older state arriving after a newer one (webhooks are not ordered) is not posted; an event without
    // a readable time cannot be ordered, so it is posted.
    const current =
      event.updatedAt === 0 ||
      (await deps.store.markIssueEvent(event.projectId, event.issueIid, event.updatedAt));
    if (!current) return undefined;
  }
  if (event.restricted) {
    const showText = settings.confidentialText === true && (await deps.isPrivateChannel(thread.channelId));
    if (!showText) return renderRestricted(event);
  }
  return event.kind === "note" ? renderNote(event) : renderIssueChanges(event);
}

export function postBackJobHandler(deps: PostBackDeps): JobHandler {
  return async (job) => {
    const payload = job.payload as PostBackPayload;
    const log = job.log.child({
      channel: payload.thread.channelId,
      threadTs: payload.thread.threadTs,
      project: payload.event.projectId,
      issue: payload.event.issueIid,
      kind: payload.event.kind,
    });
    try {
      const text = await decidePostBack(payload, deps);
      if (text === undefined) {
        log.info({}, "GitLab event not posted back");
        return { outcome: "done" };
      }
      await deps.replyInThread(payload.thread.channelId, payload.thread.threadTs, text);
      log.info({}, "GitLab event posted back");
      return { outcome: "done" };
    } catch (thrown) {
      const error = asThreadportError(thrown);
      const jobError = { code: error.code, message: error.message };
      log.warn({ err: error, code: error.code }, "could not post a GitLab event back");
      if (!error.transient) return { outcome: "failed", error: jobError };
      const retryAfterMs = error.details.retryAfterMs;
      return {
        outcome: "retry",
        error: jobError,
        ...(typeof retryAfterMs === "number" ? { retryAfterMs } : {}),
      };
    }
  };
}
